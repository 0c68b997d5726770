import { Text, View } from '@tarojs/components';
import { useEffect } from 'react';
import { ROLE_LABELS } from '../../../shared/enums';
import { canManageCooperative, type Principal } from '../../../shared/policy';
import type { Me } from '../../../shared/schemas/auth';
import type { Cooperative } from '../../../shared/schemas/org';
import { Button } from '../../components/nut';
import { StateView } from '../../components/state-view';
import { type PagedQuery, usePagedQuery, useQuery } from '../../hooks/use-query';
import { useUnreadBadge } from '../../hooks/use-unread';
import { navigateTo, relaunch } from '../../lib/nav';
import { ROUTES, withQuery } from '../../routes';
import { fetchMe, hasToken, principalOf } from '../../services/auth';
import { listCooperativePage } from '../../services/org';
import './index.scss';

/** What the list of cooperatives is called, and what to say when it is empty, for a person's roles. */
function cooperativeHeading(me: Me): { title: string; empty: string } {
  const roles = new Set(me.roles.map((g) => g.role));
  if (roles.has('admin')) return { title: '全部合作社', empty: '平台上还没有合作社，可在上方“新建合作社”。' };
  if (roles.has('supervisor')) return { title: '辖区内的合作社', empty: '辖区内暂无合作社。' };
  if (roles.has('coop_admin') || roles.has('member')) return { title: '我的合作社', empty: '暂无可查看的合作社。' };
  if (roles.has('expert')) return { title: '服务的合作社', empty: '暂未分配服务的合作社，请联系监管部门。' };
  return { title: '合作社', empty: '暂无可查看的合作社。' };
}

export function HomePage() {
  // h5 has no silent login: without a token go straight to the login form
  const needsLogin = process.env.TARO_ENV === 'h5' && !hasToken();
  useEffect(() => {
    if (needsLogin) relaunch(ROUTES.login);
  }, [needsLogin]);

  const me = useQuery(fetchMe, [], { enabled: !needsLogin, refetchOnShow: true });
  const hasRoles = (me.data?.roles.length ?? 0) > 0;
  const coops = usePagedQuery((page) => listCooperativePage(page), [me.data?.id], { enabled: hasRoles, refetchOnShow: true });

  return (
    <View className='page home'>
      <StateView query={me}>{me.data && <HomeContent me={me.data} coops={coops} />}</StateView>
    </View>
  );
}

function HomeContent({ me, coops }: { me: Me; coops: PagedQuery<Cooperative> }) {
  if (me.roles.length === 0) {
    return (
      <View className='card'>
        <Text className='card__title'>{me.name}，欢迎使用安全互助</Text>
        <Text className='card__meta'>您还没有加入任何合作社。请向合作社管理员索取邀请码或扫描邀请二维码。</Text>
        <View className='card__actions'>
          <Button className='btn' type='primary' onClick={() => navigateTo(ROUTES.join)}>
            加入合作社
          </Button>
        </View>
      </View>
    );
  }
  const principal = principalOf(me);
  const roles = Array.from(new Set(me.roles.map((g) => g.role)));
  const heading = cooperativeHeading(me);
  return (
    <View>
      <View className='card home__me'>
        <Text className='card__title'>{me.name}</Text>
        <View>
          {roles.map((r) => (
            <Text key={r} className='tag tag--role'>
              {ROLE_LABELS[r]}
            </Text>
          ))}
        </View>
        {(roles.includes('member') || roles.includes('coop_admin')) && (
          <View className='card__actions home__inspect'>
            <Button className='btn' type='primary' onClick={() => navigateTo(ROUTES.scan)}>
              扫码检查
            </Button>
            {roles.includes('member') && (
              <Button className='btn' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.workshops)}>
                车间与二维码
              </Button>
            )}
          </View>
        )}
      </View>
      <HazardEntry />
      <View className='card home__issue9'>
        <View className='card__actions'>
          <Button className='btn home__calendar' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.activities)}>
            活动日历
          </Button>
          <Button className='btn home__notices' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.notices)}>
            通知公告
          </Button>
          {roles.some((r) => r === 'expert' || r === 'coop_admin' || r === 'supervisor') && (
            <Button className='btn home__experts' type='primary' fill='outline' onClick={() => navigateTo(withQuery(ROUTES.expertVisits, { mine: roles.includes('expert') ? 'true' : undefined }))}>
              专家上门
            </Button>
          )}
          <Button className='btn home__year' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.yearStats)}>
            年度统计
          </Button>
        </View>
      </View>
      {roles.includes('admin') && <AdminPanel />}
      <Text className='section-title'>
        {heading.title}
        {coops.data ? `（${coops.total}）` : ''}
      </Text>
      <StateView query={coops} empty={coops.data?.length === 0} emptyText={heading.empty}>
        <View className='home__coops'>
          {(coops.data ?? []).map((c) => (
            <CooperativeCard key={c.id} coop={c} principal={principal} />
          ))}
        </View>
        {coops.hasMore && (
          <View className='block-btn'>
            <Button block loading={coops.loadingMore} disabled={coops.loadingMore} onClick={() => void coops.loadMore()}>
              加载更多
            </Button>
          </View>
        )}
      </StateView>
    </View>
  );
}

/** The way in to the hazard list and the inbox, with the unread count (kept fresh each time home shows). */
function HazardEntry() {
  const unread = useUnreadBadge();
  return (
    <View className='card home__hazards'>
      <View className='card__actions home__hazard-actions'>
        <Button className='btn home__hazard-list' type='primary' fill='outline' onClick={() => relaunch(ROUTES.hazards)}>
          隐患清单
        </Button>
        <Button className='btn home__inbox' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.inbox)}>
          {unread ? `消息（${unread} 未读）` : '消息'}
        </Button>
      </View>
    </View>
  );
}

function AdminPanel() {
  return (
    <View className='card home__admin'>
      <Text className='card__title'>平台管理</Text>
      <Text className='card__meta'>建立区域和合作社，为监管人员、专家和合作社管理员开设桌面账号。</Text>
      <View className='card__actions home__admin-actions'>
        <Button className='btn' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.regions)}>
          区域管理
        </Button>
        <Button className='btn' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.cooperativeNew)}>
          新建合作社
        </Button>
        <Button className='btn' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.userNew)}>
          新建桌面账号
        </Button>
      </View>
    </View>
  );
}

function CooperativeCard({ coop: c, principal }: { coop: Cooperative; principal: Principal }) {
  const manage = canManageCooperative(principal, c.id);
  return (
    <View className='card home__coop'>
      <Text className='card__title'>{c.name}</Text>
      <Text className='card__meta'>
        {c.regionName} · {c.industry}
      </Text>
      <Text className='card__meta'>成员企业 {c.memberCount} 家</Text>
      {c.leadEnterpriseName && <Text className='card__meta'>龙头企业：{c.leadEnterpriseName}</Text>}
      <View className='card__actions'>
        <Button className='btn' type='primary' fill='outline' onClick={() => navigateTo(withQuery(ROUTES.directory, { cooperativeId: c.id }))}>
          成员名录
        </Button>
        {manage && (
          <Button className='btn' type='primary' fill='outline' onClick={() => navigateTo(withQuery(ROUTES.invitations, { cooperativeId: c.id }))}>
            邀请记录
          </Button>
        )}
        {manage && (
          <Button className='btn' type='primary' onClick={() => navigateTo(withQuery(ROUTES.invite, { cooperativeId: c.id }))}>
            邀请成员
          </Button>
        )}
      </View>
    </View>
  );
}

export default HomePage;
