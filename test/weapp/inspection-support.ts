// A fake inspection for the run-page tests: a self patrol of one workshop with a three-item checklist.
import type { InspectionView } from '../../miniprogram/services/inspections';

export const INSPECTION: InspectionView = {
  id: 'insp-1',
  type: 'self',
  status: 'in_progress',
  cooperativeId: 'coop-1',
  hostEnterpriseId: 'ent-lead',
  hostName: '日照东港乙炔气体有限公司',
  scheduledOn: '2026-12-01',
  checklistName: '工业气体（乙炔）企业安全检查表',
  items: [
    { id: 'it-pe', section: '电气安全', text: '配电箱、用电设备外壳可靠接保护接地（PE）线', category: '电气', answerType: 'pass_fail', photoRequiredOnFail: true, legalBasis: 'GB 50054' },
    { id: 'it-exit', section: '消防与疏散', text: '安全出口、疏散通道畅通，未堵塞、未上锁', category: '通道/出口', answerType: 'pass_fail', photoRequiredOnFail: false, legalBasis: null },
    { id: 'it-ext', section: '消防与疏散', text: '灭火器数量（具）', category: '消防', answerType: 'number', photoRequiredOnFail: false, legalBasis: null },
  ],
  workshops: [{ id: 'ws-fill', name: '乙炔充装车间' }],
  inspectors: [],
  results: [],
  findings: [],
  carried: [],
};
