// The demo cooperative's year of expert visits (专家上门“把脉问诊”): done ones with hazards and prescriptions, so
// that with the mutual rounds an expert joined the year counts 21 expert engagements; one at demo-member's plant
// last week with work still open; two planned for demo-expert.
import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { shanghaiDate } from '../../../shared/dates';
import { ChecklistEntity, ChecklistItemEntity } from '../checklists/checklist.entity';
import { ExpertProfileEntity, ExpertVisitEntity } from '../experts/expert.entity';
import { HazardEntity } from '../hazards/hazard.entity';
import { InspectionEntity, InspectionInspectorEntity } from '../inspections/inspection.entity';
import { memberPeople } from '../notices/member-people';
import { NotificationEntity } from '../notifications/notification.entity';
import { CooperativeEntity } from '../org/cooperative.entity';
import { RoleGrantEntity } from '../users/role-grant.entity';
import type { UserEntity } from '../users/user.entity';
import { WorkshopEntity } from '../workshops/workshop.entity';
import { type DemoFinding, demoHazard } from './hazards.demo';

const DAY = 86_400_000;
/** The story's count for the year: visits done here plus the mutual rounds an expert joined. */
export const DEMO_EXPERT_ENGAGEMENTS = 21;

const PURPOSES = ['防爆电气与静电接地专项检查', '消防设施与疏散通道检查', '特种设备与压力容器安全检查', '有限空间作业管理检查', '危险化学品储存与标识检查', '用电安全“把脉问诊”'];
// What experts typically find, with the advice they write (codes of the general checklist).
const FINDINGS: (DemoFinding & { advice: string })[] = [
  { code: 'GEN-ELE-03', description: '移动式用电设备回路未装漏电保护器', fate: 'closed', advice: '回路加装额定动作电流 30mA 的漏电保护器，每月试跳一次并记录' },
  { code: 'GEN-FIR-01', description: '灭火器未按月检查，部分压力不足', fate: 'closed', advice: '更换失压灭火器，建立月检标签，由班组长签字确认' },
  { code: 'GEN-SPE-01', description: '储气罐安全阀超期未校验', fate: 'closed', advice: '委托有资质机构校验安全阀并加铅封，建立特种设备台账' },
  { code: 'GEN-CSP-01', description: '污水池未设有限空间警示标识和作业审批', fate: 'closed', advice: '设置“有限空间 未经许可严禁入内”标识，落实先通风、再检测、后作业' },
  { code: 'GEN-DOC-02', description: '危险化学品安全技术说明书不全', fate: 'closed', advice: '向供应商索取 MSDS，在储存和使用点张贴安全周知卡' },
  { code: 'GEN-HOT-01', description: '动火作业未办理动火审批，未配监护人', fate: 'closed', advice: '严格执行动火作业票证制度，作业现场配备灭火器材和专职监护人' },
];

export interface ExpertDemoPeople {
  expert: UserEntity;
  lead: UserEntity;
}

export async function seedDemoExpertVisits(em: EntityManager, coopId: string, enterpriseIds: string[], now: Date, people: ExpertDemoPeople): Promise<void> {
  const { expert, lead } = people;
  const grant = await em.getRepository(RoleGrantEntity).findOneByOrFail({ userId: expert.id, role: 'expert' });
  await em.getRepository(ExpertProfileEntity).insert({
    id: randomUUID(), userId: expert.id, field: '危险化学品', certificates: ['注册安全工程师（化工安全）', '山东省安全生产专家库成员'], title: '高级工程师 · 日照市安全生产协会',
    regionId: grant.regionId, cooperativeId: null, createdById: lead.id,
  });
  const checklist = await em.getRepository(ChecklistEntity).findOneByOrFail({ familyId: 'platform-general', latest: true });
  const items = await em.getRepository(ChecklistItemEntity).find({ where: { checklistId: checklist.id } });
  const byCode = new Map(items.map((i) => [i.code, i]));
  const shops = await em.getRepository(WorkshopEntity).find({ where: { enterpriseId: In(enterpriseIds) } });
  const fixers = new Map((await em.getRepository(RoleGrantEntity).find({ where: { cooperativeId: coopId, role: 'member' }, order: { createdAt: 'ASC' } })).map((g) => [g.enterpriseId, g.userId]));
  const ctx = {
    em, coopId, now, byCode, adminId: lead.id,
    shopOf: (e: string) => shops.find((s) => s.enterpriseId === e)?.id ?? null,
    fixerOf: (e: string) => fixers.get(e) ?? null,
  };
  const { regionId } = await em.getRepository(CooperativeEntity).findOneByOrFail({ id: coopId });

  // Engagements the mutual rounds already count (an expert in a submitted round).
  const joined = await em
    .getRepository(InspectionInspectorEntity)
    .createQueryBuilder('ii')
    .innerJoin(InspectionEntity, 'i', 'i.id = ii.inspectionId')
    .where("ii.role = 'expert' AND i.status = 'submitted' AND i.cooperativeId = :coopId", { coopId })
    .getCount();
  // …and the visit to demo-member's plant below is one more
  const doneCount = Math.max(0, DEMO_EXPERT_ENGAGEMENTS - joined - 1);

  const visit = async (host: string, daysAgo: number, status: InspectionEntity['status'], purpose: string) => {
    const when = new Date(now.getTime() - daysAgo * DAY - (now.getTime() % DAY) + 2 * 3600_000); // 10:00 Beijing
    const created = new Date(Math.min(when.getTime(), now.getTime()) - 7 * DAY);
    const insp = em.getRepository(InspectionEntity).create({
      id: randomUUID(), type: 'expert', status, cooperativeId: coopId, hostEnterpriseId: host, workshopId: null, checklistId: checklist.id,
      scheduledOn: shanghaiDate(when), createdById: lead.id, previousInspectionId: null, startedAt: status === 'planned' ? null : when,
      submittedAt: status === 'submitted' ? new Date(when.getTime() + 2 * 3600_000) : null, submittedById: status === 'submitted' ? expert.id : null,
      openSelfKey: null, createdAt: created, updatedAt: when,
    });
    await em.getRepository(InspectionEntity).insert(insp);
    await em.getRepository(InspectionInspectorEntity).insert({ id: randomUUID(), inspectionId: insp.id, userId: expert.id, enterpriseId: null, role: 'expert' });
    const v = em.getRepository(ExpertVisitEntity).create({
      id: randomUUID(), inspectionId: insp.id, expertUserId: expert.id, enterpriseId: host, cooperativeId: coopId, regionId, scheduledOn: insp.scheduledOn,
      purpose, advice: null, itemAdvice: {}, followUp: null, createdById: lead.id, createdAt: created, updatedAt: when,
    });
    return { insp, v, when };
  };

  const rows: ExpertVisitEntity[] = [];
  for (let n = 0; n < doneCount; n++) {
    const daysAgo = 20 + Math.round((n * 330) / Math.max(1, doneCount));
    const host = enterpriseIds[(n * 5 + 2) % enterpriseIds.length];
    const { insp, v, when } = await visit(host, daysAgo, 'submitted', PURPOSES[n % PURPOSES.length]);
    const found = [FINDINGS[n % FINDINGS.length], ...(n % 3 === 0 ? [FINDINGS[(n + 2) % FINDINGS.length]] : [])];
    for (const f of found) {
      const h = await demoHazard(ctx, insp, f, expert.id, when);
      v.itemAdvice[h.id] = f.advice;
    }
    v.advice = '企业安全管理基础较好，建议主要负责人每月带队检查一次，隐患整改做到“五落实”。';
    v.followUp = '整改期满后由专家复查销号';
    rows.push(v);
  }

  // Last week at demo-member's food plant: a fresh prescription with work still to do.
  const own = await visit(enterpriseIds[1], 6, 'submitted', '油炸车间燃气与冷库安全专项检查');
  const ownFindings: (DemoFinding & { advice: string })[] = [
    { code: 'GEN-ELE-04', description: '冷库内照明线路接头未做防潮处理', fate: 'open', advice: '冷库内线路接头改用防水接线盒，灯具更换为 IP65 防潮型' },
    { code: 'GEN-FIR-04', description: '油炸锅上方排烟罩油垢较厚，未定期清洗', fate: 'pending', advice: '委托专业公司每季度清洗排烟管道，日常每周清理油网并记录' },
  ];
  for (const f of ownFindings) own.v.itemAdvice[(await demoHazard(ctx, own.insp, f, expert.id, own.when)).id] = f.advice;
  own.v.advice = '燃气和冷库是本企业的重点风险，建议结合本次处方修订燃气泄漏和冷库被困应急处置卡，并组织一次演练。';
  own.v.followUp = '一个月后回访复查';
  rows.push(own.v);

  // Planned: next week at demo-member's plant (a follow-up), and at a neighbour.
  const planned = [await visit(enterpriseIds[1], -5, 'planned', '回访复查整改处方落实情况'), await visit(enterpriseIds[3], -12, 'planned', '机械防护与用电安全检查')];
  rows.push(...planned.map((p) => p.v));
  await em.getRepository(ExpertVisitEntity).insert(rows);
  // the hazards of expert rounds are the expert's findings
  await em
    .createQueryBuilder()
    .update(HazardEntity)
    .set({ source: 'expert' })
    .where('inspectionId IN (:...ids)', { ids: rows.map((r) => r.inspectionId) })
    .execute();

  const told = await Promise.all(planned.map(async ({ v }) => [expert.id, ...(await memberPeople(em, [coopId], [v.enterpriseId])).map((p) => p.userId)]));
  await em.getRepository(NotificationEntity).insert(
    planned.flatMap(({ v, insp }, n) =>
      told[n].map((userId) => ({
        id: randomUUID(), userId, kind: 'expert_visit' as const, title: userId === expert.id ? '专家上门任务' : '专家上门检查安排',
        body: `${insp.scheduledOn} 专家${expert.name}上门检查（把脉问诊）。检查重点：${v.purpose}`, link: `/expert-visits/${v.id}`,
        dedupeKey: `expert_visit:${v.id}:${userId}`, pushStatus: 'skipped' as const, pushAttempts: 0, pushedAt: null, createdAt: v.createdAt, readAt: null,
      })),
    ),
  );
}
