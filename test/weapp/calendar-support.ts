// Fake activities, notices and subscriptions for the calendar/notice tests, shaped by shared/schemas.
import type { Activity } from '../../shared/schemas/activities';
import type { Notice, NoticeAcks, NoticeSummary } from '../../shared/schemas/notices';
import type { SubscriptionList } from '../../shared/schemas/push';

export const ACTIVITY: Activity = {
  id: 'act-7',
  cooperativeId: 'coop-1',
  cooperativeName: '东港区化工安全生产互助合作社',
  kind: 'study',
  title: '冬季防火防爆集中学习',
  startsAt: '2026-12-07T01:30:00.000Z',
  endsAt: '2026-12-07T03:30:00.000Z',
  place: '合作社会议室',
  hostName: '周专家',
  invitedCount: 25,
  checkedInCount: 11,
  invited: true,
  myCheckinAt: null,
  hostUserId: null,
  description: '学习《危险化学品企业安全风险隐患排查治理导则》。',
  materials: [],
  details: { kind: 'study', outline: '一、冬季用火管理\n二、防爆电气' },
  invitees: [],
  organiserId: 'u-lead',
  canManage: false,
  canCheckin: true,
};

export const CODE_NOW = '59371200.a1b2c3d4e5f6';
export const CODE_OLD = '59371100.0f0e0d0c0b0a';

export function summary(over: Partial<NoticeSummary> & Pick<NoticeSummary, 'id' | 'title'>): NoticeSummary {
  return {
    category: 'notice',
    cooperativeId: 'coop-1',
    regionId: null,
    scopeName: '东港区化工安全生产互助合作社',
    publisherId: 'u-lead',
    publisherName: '李建国',
    version: 1,
    publishedAt: '2026-12-03T00:00:00.000Z',
    recipientCount: 30,
    confirmedCount: 21,
    recipient: true,
    confirmedAt: null,
    ...over,
  };
}

export const NOTICE: Notice = {
  ...summary({ id: 'nt-1', title: '关于开展冬季消防安全检查的通知', version: 2 }),
  body: '各会员企业：请于12月15日前完成自查。',
  attachments: [],
  canManage: false,
  reminderRounds: 0,
};

export const ACKS: NoticeAcks = {
  noticeId: 'nt-1',
  version: 2,
  confirmed: [{ userId: 'u-wang', name: '王强', enterpriseId: 'ent-food', enterpriseName: '日照青亚食品有限公司', confirmedAt: '2026-12-04T01:00:00.000Z', reminded: 0 }],
  pending: [
    { userId: 'u-zhao', name: '赵海', enterpriseId: 'ent-gas', enterpriseName: '日照东港乙炔气体有限公司', confirmedAt: null, reminded: 1 },
    { userId: 'u-qian', name: '钱明', enterpriseId: 'ent-steel', enterpriseName: '日照钢构有限公司', confirmedAt: null, reminded: 0 },
  ],
};

export const SUBSCRIPTIONS: SubscriptionList = {
  hasWechat: true,
  items: [
    { topic: 'activity', templateId: 'tmpl-act', label: '活动与培训通知', enabled: true, remaining: 0, willNotify: false },
    { topic: 'notice', templateId: 'tmpl-notice', label: '通知公告', enabled: true, remaining: 2, willNotify: true },
    { topic: 'deadline', templateId: 'tmpl-deadline', label: '整改期限提醒', enabled: false, remaining: 1, willNotify: false },
  ],
};
