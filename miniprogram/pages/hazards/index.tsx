import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Role } from '../../../shared/enums';
import type { Me } from '../../../shared/schemas/auth';
import type { Hazard } from '../../../shared/schemas/hazards';
import { HazardItem } from '../../components/hazard-item';
import { HazardTable } from '../../components/hazard-table';
import { Button } from '../../components/nut';
import { StateView } from '../../components/state-view';
import { useDesk } from '../../hooks/use-desk';
import { usePagedQuery, useQuery } from '../../hooks/use-query';
import { useUnreadBadge } from '../../hooks/use-unread';
import { navigateTo } from '../../lib/nav';
import { ROUTES, withQuery } from '../../routes';
import { cachedMe, fetchMe } from '../../services/auth';
import { type HazardFilters, listHazards } from '../../services/hazards';
import '../../components/hazard-item.scss';
import './index.scss';

type View_ = 'open' | 'to_verify' | 'all' | 'attention';
interface Tab {
  view: View_;
  label: string;
  empty: string;
}

const TABS: Record<View_, Tab> = {
  open: { view: 'open', label: '本企业待办', empty: '本企业没有待整改、待验收的隐患。' },
  to_verify: { view: 'to_verify', label: '待我验收', empty: '没有等您验收的隐患。' },
  attention: { view: 'attention', label: '重大与逾期', empty: '辖区内没有重大或逾期的隐患。' },
  all: { view: 'all', label: '全部隐患', empty: '还没有隐患记录。' },
};

/**
 * The lists a person's roles call for, the one their work starts from first: a coop admin oversees every
 * member (overdue first), a member fixes its own, an expert verifies, a supervisor watches major and overdue ones.
 */
export function tabsFor(me: Me | undefined): Tab[] {
  const roles = new Set<Role>((me?.roles ?? []).map((g) => g.role));
  const views: View_[] = [];
  if (roles.has('coop_admin') || roles.has('admin')) views.push('all');
  if (roles.has('member')) views.push('open');
  // finders, group leaders, experts and coop admins verify; a member may be any of the first two
  if (roles.has('member') || roles.has('expert') || roles.has('coop_admin') || roles.has('admin')) views.push('to_verify');
  if (roles.has('supervisor')) views.push('attention');
  if (!views.includes('all')) views.push('all');
  return views.map((v) => TABS[v]);
}

type Quick = '' | 'overdue' | 'major' | 'reported' | 'pending_verification' | 'closed';
const QUICK: Record<Quick, { label: string; filters: HazardFilters }> = {
  '': { label: '不限', filters: {} },
  overdue: { label: '逾期', filters: { overdue: 'true' } },
  major: { label: '重大', filters: { level: 'major' } },
  reported: { label: '待整改', filters: { status: 'reported' } },
  pending_verification: { label: '待验收', filters: { status: 'pending_verification' } },
  closed: { label: '已销号', filters: { status: 'closed' } },
};

/** The 隐患 tab: my enterprise's open hazards, those waiting for my verification, the cooperative's or region's. */
export function HazardsPage() {
  // the roles pick the lists: the kept copy, else asked once (WeChat logs in silently on the way)
  const meQuery = useQuery(async () => cachedMe() ?? fetchMe(), []);
  const me = meQuery.data;
  const desk = useDesk();
  const tabs = tabsFor(me);
  const [chosen, setView] = useState<View_ | null>(null);
  const view = chosen && tabs.some((t) => t.view === chosen) ? chosen : tabs[0].view;
  const unread = useUnreadBadge();
  // quick filters of the lists across members (the ledger has them all)
  const [quick, setQuick] = useState<Quick>('');
  const filters = view === 'all' || view === 'attention' ? QUICK[quick].filters : {};
  const list = usePagedQuery((page) => listHazards({ view, ...filters }, page), [view, JSON.stringify(filters)], { refetchOnShow: true, enabled: !!me });

  const roles = new Set((me?.roles ?? []).map((g) => g.role));
  const ledger = roles.has('coop_admin') || roles.has('supervisor') || roles.has('admin');
  const tab = TABS[view];
  const open = (h: Hazard) => navigateTo(withQuery(ROUTES.hazard, { id: h.id }));
  const acrossMembers = view !== 'open';
  const items = list.data ?? [];

  return (
    <View className='page hazards'>
      <View className='card hazards__head'>
        <View className='hazards__inbox' onClick={() => navigateTo(ROUTES.inbox)}>
          <Text className='hazards__inbox-title'>消息</Text>
          {unread ? <Text className='hazards__unread'>{unread} 条未读</Text> : <Text className='card__meta'>整改提醒、验收结果和延期审批</Text>}
          <Text className='hazards__arrow'>›</Text>
        </View>
        {ledger && (
          <View className='card__actions'>
            <Button className='btn hazards__ledger' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.hazardLedger)}>
              隐患台账与统计
            </Button>
          </View>
        )}
      </View>
      <View className='hz-chips'>
        {tabs.map((t) => (
          <Text key={t.view} className={`hz-chip hazards__tab hazards__tab--${t.view}${t.view === view ? ' hz-chip--on' : ''}`} onClick={() => setView(t.view)}>
            {t.label}
          </Text>
        ))}
      </View>
      {(view === 'all' || view === 'attention') && (
        <View className='hz-chips hazards__quick'>
          {(Object.keys(QUICK) as Quick[]).map((q) => (
            <Text key={q || 'any'} className={`hz-chip hz-chip--small hazards__quick-${q || 'any'}${q === quick ? ' hz-chip--on' : ''}`} onClick={() => setQuick(q)}>
              {QUICK[q].label}
            </Text>
          ))}
        </View>
      )}
      {list.data && <Text className='section-title'>共 {list.total} 条{view === 'open' ? '，逾期的在前，其次期限近的' : ''}</Text>}
      <StateView query={me ? list : meQuery} empty={items.length === 0} emptyText={tab.empty}>
        {desk ? (
          <HazardTable rows={items} showEnterprise={acrossMembers} onOpen={open} />
        ) : (
          <View className='hazards__list'>
            {items.map((h) => (
              <HazardItem key={h.id} hazard={h} showEnterprise={acrossMembers} onOpen={open} />
            ))}
          </View>
        )}
        {list.hasMore && (
          <View className='block-btn'>
            <Button block loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default HazardsPage;
