// A fake inspection for the run-page tests: a self patrol of one workshop with a three-item checklist.
import type { Feedback, Inspection } from '../../shared/schemas/inspections';

export const INSPECTION: Inspection = {
  id: 'insp-1',
  type: 'self',
  status: 'in_progress',
  cooperativeId: 'coop-1',
  hostEnterpriseId: 'ent-lead',
  hostName: '日照东港乙炔气体有限公司',
  workshopId: 'ws-fill',
  scheduledOn: '2026-12-01',
  checklistId: 'cl-gas-1',
  checklistName: '工业气体（乙炔）企业安全检查表',
  checklistVersion: 1,
  assigned: false,
  hazardCount: 0,
  startedAt: '2026-12-01T08:00:00.000Z',
  submittedAt: null,
  createdAt: '2026-12-01T08:00:00.000Z',
  items: [
    { id: 'it-pe', code: 'GEN-E01', section: '电气安全', text: '配电箱、用电设备外壳可靠接保护接地（PE）线', category: 'electrical', answerType: 'pass_fail', unit: null, photoRequiredOnFail: true, weight: 5, legalBasis: 'GB 50054' },
    { id: 'it-exit', code: 'GEN-X01', section: '消防与疏散', text: '安全出口、疏散通道畅通，未堵塞、未上锁', category: 'exits', answerType: 'pass_fail', unit: null, photoRequiredOnFail: false, weight: 5, legalBasis: null },
    { id: 'it-ext', code: 'GEN-F02', section: '消防与疏散', text: '灭火器数量', category: 'fire', answerType: 'number', unit: '具', photoRequiredOnFail: false, weight: 2, legalBasis: null },
  ],
  workshops: [{ id: 'ws-fill', name: '乙炔充装车间' }],
  inspectors: [],
  results: [],
  findings: [],
  carried: [],
  hazards: [],
  canStart: false,
  canRecord: true,
  canSubmit: true,
  previousInspectionId: null,
};

const carried = (hazardId: string, description: string): Inspection['carried'][number] => ({
  hazardId,
  description,
  category: 'gas_cylinders',
  level: 'general',
  workshopId: 'ws-store',
  workshopName: '气瓶库',
  status: 'closed',
  deadline: '2026-11-08',
  foundOn: '2026-11-01',
  closedAt: '2026-11-05T02:00:00.000Z',
  mark: null,
  note: null,
  recurrenceId: null,
});

/** A mutual round with two hazards carried forward from the previous round (回头看). */
export const MUTUAL: Inspection = {
  ...INSPECTION,
  id: 'insp-2',
  type: 'mutual',
  workshopId: null,
  assigned: true,
  inspectors: [
    { userId: 'u-zhao', name: '赵海', enterpriseId: 'ent-flour', enterpriseName: '日照金穗面粉有限公司', role: 'leader' },
    { userId: 'u-qian', name: '钱峰', enterpriseId: 'ent-food', enterpriseName: '日照青亚食品有限公司', role: 'member' },
  ],
  carried: [carried('hz-old-1', '配电箱前堆放杂物'), carried('hz-old-2', '乙炔瓶与氧气瓶混放')],
  previousInspectionId: 'insp-0',
};

export const FEEDBACK: Feedback = {
  inspectionId: 'insp-2',
  hostEnterpriseId: 'ent-lead',
  hostName: '日照东港乙炔气体有限公司',
  since: '2026-09-02',
  problems: [
    {
      id: 'hz-new-1',
      enterpriseId: 'ent-lead',
      enterpriseName: '日照东港乙炔气体有限公司',
      cooperativeId: 'coop-1',
      inspectionId: 'insp-2',
      workshopId: 'ws-store',
      workshopName: '气瓶库',
      itemId: 'it-cyl',
      itemCode: 'GAS-C03',
      category: 'gas_cylinders',
      description: '乙炔瓶与氧气瓶混放',
      level: 'major',
      fixMode: 'deadline',
      source: 'peer',
      foundById: 'u-zhao',
      foundByName: '赵海',
      foundOn: '2026-12-01',
      deadline: '2026-12-31',
      planDueOn: '2026-12-04',
      status: 'reported',
      recurrenceOfId: 'hz-old-2',
      photoIds: [],
      closedAt: null,
      createdAt: '2026-12-01T08:00:00.000Z',
    } as Feedback['problems'][number],
  ],
  common: [
    { itemCode: 'GEN-E01', text: '配电箱、用电设备外壳可靠接保护接地（PE）线', category: 'electrical', otherEnterprises: 2, otherEnterpriseNames: ['日照金穗面粉有限公司', '日照青亚食品有限公司'] },
  ],
  goodPractices: [
    { clientId: 'c-good', kind: 'good_practice', itemId: null, workshopId: 'ws-store', description: '气瓶库设置防倾倒链条，空瓶实瓶分区并挂牌', category: null, level: null, fixMode: null, photoIds: [], recordedById: 'u-qian', hazardId: null },
  ],
};
