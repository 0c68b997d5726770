import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Me } from '../../shared/schemas/auth';
import { useDesk } from '../hooks/use-desk';
import { navigateTo, relaunch } from '../lib/nav';
import { ROUTES, TAB_ROUTES, withQuery } from '../routes';
import { hasToken } from '../services/auth';
import { unreadCount } from '../services/notifications';
import { storage } from '../services/storage';
import './desk-nav.scss';

interface NavItem {
  label: string;
  url: string;
}
interface NavSection {
  title: string;
  items: NavItem[];
}

// Taro's h5 router announces every page change on its event centre (its own tab bar listens the same way).
const ROUTE_CHANGED = '__afterTaroRouterChange';

/** The sections a person's roles open: the four tabs for everyone, then what their desk work needs. */
export function deskSections(me: Me | undefined): NavSection[] {
  const sections: NavSection[] = [
    {
      title: '工作台',
      items: [
        { label: '首页', url: ROUTES.home },
        { label: '检查', url: ROUTES.inspections },
        { label: '隐患', url: ROUTES.hazards },
        { label: '我的', url: ROUTES.mine },
        { label: '消息', url: ROUTES.inbox },
      ],
    },
  ];
  const grants = me?.roles ?? [];
  if (grants.some((g) => g.role === 'admin')) {
    sections.push({
      title: '平台管理',
      items: [
        { label: '区域管理', url: ROUTES.regions },
        { label: '新建合作社', url: ROUTES.cooperativeNew },
        { label: '新建桌面账号', url: ROUTES.userNew },
      ],
    });
  }
  // the hazard ledger and per-member counts are desk work for those who oversee members; verifying is for
  // finders, group leaders, experts and coop admins (a supervisor watches, and decides major extensions only)
  const has = (...roles: string[]) => grants.some((g) => roles.includes(g.role));
  const hazardItems: NavItem[] = [
    ...(has('coop_admin', 'supervisor', 'admin') ? [{ label: '隐患台账', url: ROUTES.hazardLedger }] : []),
    ...(has('member', 'expert', 'coop_admin', 'admin') ? [{ label: '待我验收', url: ROUTES.hazardVerify }] : []),
  ];
  if (hazardItems.length > 0) sections.push({ title: '隐患闭环', items: hazardItems });
  sections.push({
    title: '活动与通知',
    items: [
      { label: '活动日历', url: ROUTES.activities },
      { label: '通知公告', url: ROUTES.notices },
      ...(has('expert') ? [{ label: '我的上门检查', url: withQuery(ROUTES.expertVisits, { mine: 'true' }) }] : []),
      ...(has('coop_admin', 'supervisor', 'admin') ? [{ label: '专家上门', url: ROUTES.expertVisits }] : []),
      ...(has('coop_admin', 'supervisor', 'admin') ? [{ label: '专家库', url: ROUTES.expertRoster }] : []),
      { label: '年度统计', url: ROUTES.yearStats },
      { label: '消息订阅', url: ROUTES.subscriptions },
    ],
  });
  const managed = Array.from(new Set(grants.filter((g) => g.role === 'coop_admin' && g.cooperativeId).map((g) => g.cooperativeId as string)));
  if (managed.length === 1) {
    const cooperativeId = managed[0];
    sections.push({
      title: '合作社管理',
      items: [
        { label: '成员名录', url: withQuery(ROUTES.directory, { cooperativeId }) },
        { label: '邀请成员', url: withQuery(ROUTES.invite, { cooperativeId }) },
        { label: '邀请记录', url: withQuery(ROUTES.invitations, { cooperativeId }) },
      ],
    });
  }
  return sections;
}

const COUNT_STYLE = { marginLeft: '8px', padding: '0 7px', borderRadius: '9px', background: '#e5483a', color: '#fff', fontSize: '12px', lineHeight: '18px' };

function currentPath(): string {
  return typeof window === 'undefined' ? '' : window.location.pathname;
}

/** The side navigation of the desk layout (≥ 1024 px), for logged-in people; pages keep their content. */
export function DeskNav() {
  const desk = useDesk();
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const onChange = () => setPath(currentPath());
    Taro.eventCenter.on(ROUTE_CHANGED, onChange);
    return () => {
      Taro.eventCenter.off(ROUTE_CHANGED, onChange);
    };
  }, []);

  const show = desk && hasToken() && path.split('?')[0] !== ROUTES.login;
  // the unread count beside 消息, read again on every page change (the tab bar's badge is hidden at desk width)
  const [unread, setUnread] = useState(0);
  useEffect(() => {
    if (!show) return;
    let live = true;
    unreadCount().then(
      (n) => live && setUnread(n),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [show, path]);
  useEffect(() => {
    document.body.classList.toggle('has-desk-nav', show);
  }, [show]);
  if (!show) return null;

  const open = (url: string) => {
    const target = url.split('?')[0];
    if (TAB_ROUTES.includes(target)) relaunch(target);
    else navigateTo(url);
  };
  const me = storage.get('me');
  // outside the router's element: its CSS shows only the last child page, so no sibling may follow the pages
  return createPortal(
    <View className='desk-nav'>
      <Text className='desk-nav__brand'>安全互助</Text>
      {me && <Text className='desk-nav__who'>{me.name}</Text>}
      {deskSections(me).map((s) => (
        <View key={s.title} className='desk-nav__section'>
          <Text className='desk-nav__title'>{s.title}</Text>
          {s.items.map((item) => (
            <Text
              key={item.url}
              className={`desk-nav__item${item.url.split('?')[0] === path ? ' desk-nav__item--on' : ''}`}
              onClick={() => open(item.url)}
            >
              {item.label}
              {item.url === ROUTES.inbox && unread > 0 && <Text className='desk-nav__count' style={COUNT_STYLE}>{unread > 99 ? '99+' : unread}</Text>}
            </Text>
          ))}
        </View>
      ))}
    </View>,
    document.body,
  );
}
