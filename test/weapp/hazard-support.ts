// Fake hazards, timeline and inbox for the hazard-screen tests, shaped by shared/schemas/hazards.ts.
import type { Me } from '../../shared/schemas/auth';
import type { Hazard, HazardDetail } from '../../shared/schemas/hazards';
import type { Notification } from '../../shared/schemas/notifications';

/** The safety officer of a member enterprise who is also an inspector of the cooperative's rounds. */
export const MEMBER: Me = {
  id: 'u-wang',
  name: '王强',
  username: null,
  hasWechat: true,
  phone: null,
  roles: [{ role: 'member', cooperativeId: 'coop-1', enterpriseId: 'ent-food' }],
};

export function hazard(over: Partial<Hazard> & Pick<Hazard, 'id' | 'description'>): Hazard {
  return {
    enterpriseId: 'ent-food',
    enterpriseName: '日照青亚食品有限公司',
    cooperativeId: 'coop-1',
    inspectionId: 'insp-2',
    workshopId: 'ws-bake',
    workshopName: '烘焙车间',
    itemId: null,
    itemCode: null,
    category: 'electrical',
    level: 'general',
    fixMode: 'deadline',
    source: 'peer',
    foundById: 'u-zhao',
    foundByName: '赵海',
    foundOn: '2026-12-01',
    deadline: '2026-12-08',
    planDueOn: null,
    status: 'reported',
    recurrenceOfId: null,
    photoIds: ['ph-before'],
    closedAt: null,
    createdAt: '2026-12-01T08:00:00.000Z',
    overdue: false,
    daysLeft: 3,
    version: 1,
    ...over,
  };
}

/** The member's open list: one due in 3 days, one due today, one major two days overdue (server order: overdue first). */
export const OPEN_LIST: Hazard[] = [
  hazard({ id: 'hz-late', description: '面粉仓除尘器泄爆口朝向人员通道', level: 'major', deadline: '2026-12-03', daysLeft: -2, overdue: true, planDueOn: '2026-11-27' }),
  hazard({ id: 'hz-today', description: '配电箱前堆放纸箱', deadline: '2026-12-05', daysLeft: 0, category: 'electrical' }),
  hazard({ id: 'hz-1', description: '烤炉燃气管道软管老化开裂', deadline: '2026-12-08', daysLeft: 3, category: 'gas_cylinders' }),
];

export const DETAIL: HazardDetail = {
  ...OPEN_LIST[2],
  status: 'reported',
  version: 3,
  deadline: '2026-12-15',
  daysLeft: 10,
  events: [
    {
      id: 'ev-1',
      kind: 'reported',
      actorId: 'u-zhao',
      actorName: '赵海',
      at: '2026-12-01T08:00:00.000Z',
      fromStatus: null,
      toStatus: 'reported',
      note: '互查发现，已拍照',
      data: { deadlineAfter: '2026-12-08' },
      photoIds: ['ph-before'],
    },
    {
      id: 'ev-2',
      kind: 'extended',
      actorId: 'u-lead',
      actorName: '李建国',
      at: '2026-12-04T02:30:00.000Z',
      fromStatus: 'reported',
      toStatus: 'reported',
      note: '燃气公司排期，同意延期一周',
      data: { deadlineBefore: '2026-12-08', deadlineAfter: '2026-12-15' },
      photoIds: [],
    },
  ],
  plan: null,
  rectification: null,
  extensionRequest: null,
  verifiedByName: null,
  verifiedOn: null,
  actions: ['submit_rectification', 'request_extension'],
};

/** The same hazard after the fix, as its finder (who may verify) sees it. */
export const PENDING: HazardDetail = {
  ...DETAIL,
  status: 'pending_verification',
  version: 4,
  rectification: {
    measures: '更换为金属波纹软管并加装管卡',
    cost: 280,
    responsible: '王强',
    photoIds: ['ph-after'],
    completedOn: '2026-12-05',
    submittedAt: '2026-12-05T06:00:00.000Z',
    submittedByName: '王强',
  },
  actions: ['accept', 'reject', 'void'],
};

export const NOTIFICATIONS: Notification[] = [
  {
    id: 'n-1',
    kind: 'hazard_reminder',
    title: '隐患今天到期',
    body: '“配电箱前堆放纸箱”整改期限为今天，请尽快整改并提交。',
    link: '/hazards/hz-today',
    createdAt: '2026-12-05T00:00:00.000Z',
    readAt: null,
  },
  {
    id: 'n-2',
    kind: 'inspection_assigned',
    title: '您被安排参加互查',
    body: '12月10日 互查 日照东港乙炔气体有限公司',
    link: '/inspections/insp-9',
    createdAt: '2026-12-04T00:00:00.000Z',
    readAt: '2026-12-04T01:00:00.000Z',
  },
  {
    id: 'n-3',
    kind: 'notice_published',
    title: '新通知，请阅读确认',
    body: '关于开展冬季消防安全检查的通知',
    link: '/notices/nt-1',
    createdAt: '2026-12-03T00:00:00.000Z',
    readAt: '2026-12-03T01:00:00.000Z',
  },
];

/** A district bureau officer: reads the region, decides extensions of major hazards. */
export const SUPERVISOR: Me = {
  id: 'u-sun',
  name: '孙监管',
  username: 'sun',
  hasWechat: false,
  phone: null,
  roles: [{ role: 'supervisor', regionId: 'district-1' }],
};

/** A major hazard without its plan yet, as its enterprise sees it. */
export const MAJOR: HazardDetail = {
  ...DETAIL,
  id: 'hz-major',
  description: '面粉仓除尘器泄爆口朝向人员通道',
  level: 'major',
  deadline: '2026-12-31',
  planDueOn: '2026-12-04',
  daysLeft: 26,
  events: [DETAIL.events[0]],
  actions: ['submit_plan', 'submit_rectification', 'request_extension'],
};

/** A major hazard whose enterprise asked for more time, as the supervisor sees it. */
export const ASKED: HazardDetail = {
  ...MAJOR,
  id: 'hz-asked',
  extensionRequest: { deadline: '2027-01-20', reason: '泄爆片厂家排产，预计1月中旬到货', requestedAt: '2026-12-03T01:00:00.000Z', requestedByName: '王强' },
  actions: ['grant_extension', 'deny_extension'],
};
