import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { shanghaiDate } from '../../../shared/dates';
import { ChecklistEntity, ChecklistItemEntity } from '../checklists/checklist.entity';
import {
  InspectionCarriedEntity,
  InspectionEntity,
  InspectionFindingEntity,
  InspectionInspectorEntity,
  InspectionResultEntity,
} from '../inspections/inspection.entity';
import { NotificationEntity } from '../notifications/notification.entity';
import { RoleGrantEntity } from '../users/role-grant.entity';
import { UserEntity } from '../users/user.entity';
import { WorkshopEntity } from '../workshops/workshop.entity';
import { type DemoFinding, type DemoHazardContext, demoHazard } from './hazards.demo';

const DAY = 86_400_000;

/** A small deterministic generator: the same demo every time. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Typical findings of the general checklist (codes of server/src/checklists/library.ts).
const FINDINGS: DemoFinding[] = [
  { code: 'GEN-ELE-02', description: '车间东墙插座拖线板串接使用，电线缠绕在铁架上', fate: 'closed' },
  { code: 'GEN-EXT-01', description: '北侧安全出口内侧堆放纸箱，通道宽度不足 1 米', fixMode: 'immediate', fate: 'closed' },
  { code: 'GEN-FIR-01', description: '仓库 2 具灭火器压力指针在红区', fate: 'extended' },
  { code: 'GEN-ELE-01', description: '配电箱门无锁，箱内积尘，未张贴责任人', fate: 'pending' },
  { code: 'GEN-FIR-03', description: '成品库二层隔出房间供员工午休住宿', level: 'major', fate: 'open' },
  { code: 'GEN-ELE-03', description: '移动式切割机回路未装漏电保护器', fate: 'open' },
  { code: 'GEN-HSK-02', description: '二层平台护栏缺失一段，无警示标识', fate: 'open' },
];

/**
 * A season of the story's cooperative: daily self patrols of the first members, monthly mutual rounds
 * (submitted ones with hazards and a 回头看, one in progress, some planned) and the group's notices.
 */
export async function seedDemoInspections(em: EntityManager, coopId: string, enterpriseIds: string[], now: Date): Promise<void> {
  const checklist = await em.getRepository(ChecklistEntity).findOneByOrFail({ familyId: 'platform-general', latest: true });
  const items = await em.getRepository(ChecklistItemEntity).find({ where: { checklistId: checklist.id }, order: { sort: 'ASC' } });
  const byCode = new Map(items.map((i) => [i.code, i]));
  const shops = await em.getRepository(WorkshopEntity).find();
  const shopsOf = (e: string) => shops.filter((s) => s.enterpriseId === e);
  const grants = await em.getRepository(RoleGrantEntity).find({ where: { cooperativeId: coopId, role: 'member' } });
  const users = await em.getRepository(UserEntity).find();
  const userOf = (username: string) => users.find((u) => u.username === username) as UserEntity;
  const lead = userOf('demo-lead');
  const member = userOf('demo-member');

  // Safety officers of a few more members, so mutual groups come from several enterprises.
  const officers: UserEntity[] = [];
  for (const [n, name] of ['王德山', '刘洪波', '陈立军'].entries()) {
    const u = await em.getRepository(UserEntity).save({ username: `demo-peer${n + 1}`, name, passwordHash: member.passwordHash, openid: null, unionid: null });
    await em.getRepository(RoleGrantEntity).insert({ userId: u.id, role: 'member', cooperativeId: coopId, enterpriseId: enterpriseIds[n + 3], regionId: null });
    officers.push(u);
  }
  const memberEnterprise = (u: UserEntity) => grants.find((g) => g.userId === u.id)?.enterpriseId ?? enterpriseIds[officers.indexOf(u) + 3];

  const rand = rng(2026);
  const at = (daysAgo: number, hour = 9) => new Date(now.getTime() - daysAgo * DAY - (now.getTime() % DAY) + (hour - 8) * 3600_000);

  const insert = async (row: Partial<InspectionEntity>) => {
    const insp = em.getRepository(InspectionEntity).create({ id: randomUUID(), workshopId: null, previousInspectionId: null, submittedById: null, ...row });
    await em.getRepository(InspectionEntity).insert(insp);
    return insp;
  };
  const results = async (insp: InspectionEntity, by: string, failed: Set<string>, when: Date) => {
    const shop = insp.workshopId ?? '';
    await em.getRepository(InspectionResultEntity).insert(
      items.map((i) => ({
        id: randomUUID(), inspectionId: insp.id, itemId: i.id, workshopKey: shop, clientId: randomUUID(),
        answer: failed.has(i.code) ? ('fail' as const) : rand() < 0.08 ? ('na' as const) : ('pass' as const),
        number: null, text: null, note: null, photoIds: [], recordedById: by, updatedAt: when,
      })),
    );
  };
  // The safety officer of host C fixes its hazards; each host's own account does the fixing in the timelines.
  const hostCOfficer = await em.getRepository(UserEntity).save({ username: 'demo-peer4', name: '李春燕', passwordHash: member.passwordHash, openid: null, unionid: null });
  await em.getRepository(RoleGrantEntity).insert({ userId: hostCOfficer.id, role: 'member', cooperativeId: coopId, enterpriseId: enterpriseIds[2], regionId: null });
  const fixers = new Map((await em.getRepository(RoleGrantEntity).find({ where: { cooperativeId: coopId, role: 'member' }, order: { createdAt: 'ASC' } })).map((g) => [g.enterpriseId, g.userId]));
  const ctx: DemoHazardContext = {
    em, coopId, now, byCode, adminId: lead.id,
    shopOf: (e) => shopsOf(e)[0]?.id ?? null,
    fixerOf: (e) => fixers.get(e) ?? null,
  };
  const hazard = (insp: InspectionEntity, f: DemoFinding, by: string, when: Date, recurrenceOfId: string | null = null) => demoHazard(ctx, insp, f, by, when, recurrenceOfId);

  // Patrols of the lead and the demo member's enterprise over two months (every fourth day keeps the seed quick).
  const patrollers: [string, UserEntity][] = [
    [enterpriseIds[0], lead],
    [enterpriseIds[1], member],
  ];
  for (let daysAgo = 60; daysAgo >= 1; daysAgo -= 4) {
    for (const [ent, who] of patrollers) {
      const when = at(daysAgo, 8);
      const shop = shopsOf(ent)[(daysAgo / 4) % Math.max(1, shopsOf(ent).length)]?.id ?? null;
      const insp = await insert({ type: 'self', status: 'submitted', cooperativeId: coopId, hostEnterpriseId: ent, workshopId: shop, checklistId: checklist.id, scheduledOn: shanghaiDate(when), createdById: who.id, startedAt: when, submittedAt: new Date(when.getTime() + 1800_000), submittedById: who.id, createdAt: when, updatedAt: when });
      const f = daysAgo % 12 === 0 ? FINDINGS[(daysAgo / 12) % 4] : null;
      await results(insp, who.id, new Set(f ? [f.code] : []), when);
      if (f) await hazard(insp, { ...f, fate: daysAgo > 10 ? 'closed' : 'open' }, who.id, when);
    }
  }

  // Monthly mutual rounds: two past ones at host C, one at host D, then today's and next month's.
  const [hostC, hostD, hostE, hostF] = [enterpriseIds[2], enterpriseIds[5], enterpriseIds[6], enterpriseIds[7]];
  const group = async (insp: InspectionEntity, leader: UserEntity, others: UserEntity[], expert: boolean) => {
    const rows = [
      { userId: leader.id, enterpriseId: memberEnterprise(leader), role: 'leader' as const },
      ...others.map((u) => ({ userId: u.id, enterpriseId: memberEnterprise(u), role: 'member' as const })),
      ...(expert ? [{ userId: userOf('demo-expert').id, enterpriseId: null, role: 'expert' as const }] : []),
    ];
    await em.getRepository(InspectionInspectorEntity).insert(rows.map((r) => ({ ...r, id: randomUUID(), inspectionId: insp.id })));
    await em.getRepository(NotificationEntity).insert(
      rows.map((r) => ({
        id: randomUUID(), userId: r.userId, kind: 'inspection_assigned' as const, title: '互查任务', body: `您被安排于 ${insp.scheduledOn} 参加互查${r.role === 'leader' ? '，担任组长' : ''}。`,
        link: `/inspections/${insp.id}`, dedupeKey: `inspection_assigned:${insp.id}:${r.userId}`, pushStatus: 'skipped' as const, pushAttempts: 0, pushedAt: null, createdAt: insp.createdAt,
        readAt: insp.status === 'submitted' ? insp.createdAt : null,
      })),
    );
  };
  const round = async (host: string, daysAgo: number, status: InspectionEntity['status'], leader: UserEntity, others: UserEntity[], expert = false, previous: InspectionEntity | null = null) => {
    const when = at(daysAgo, 14);
    const created = new Date(when.getTime() - 10 * DAY);
    const insp = await insert({
      type: 'mutual', status, cooperativeId: coopId, hostEnterpriseId: host, checklistId: checklist.id, scheduledOn: shanghaiDate(when), createdById: lead.id,
      previousInspectionId: previous?.id ?? null, startedAt: status === 'planned' ? null : when, submittedAt: status === 'submitted' ? new Date(when.getTime() + 3 * 3600_000) : null,
      submittedById: status === 'submitted' ? leader.id : null, createdAt: created, updatedAt: when,
    });
    await group(insp, leader, others, expert);
    return { insp, when };
  };

  const r1 = await round(hostC, 75, 'submitted', member, [officers[0], officers[1]], true);
  await results(r1.insp, member.id, new Set(FINDINGS.slice(0, 5).map((f) => f.code)), r1.when);
  const r1Hazards = [];
  for (const f of FINDINGS.slice(0, 5)) r1Hazards.push(await hazard(r1.insp, f, member.id, r1.when));
  await em.getRepository(InspectionFindingEntity).insert({
    id: randomUUID(), inspectionId: r1.insp.id, clientId: randomUUID(), kind: 'good_practice', itemId: null, workshopId: null,
    description: '班前会固定讲 5 分钟安全，签到表与隐患随手拍结合', category: null, level: null, fixMode: null, photoIds: [], recordedById: officers[0].id, hazardId: null, createdAt: r1.when, updatedAt: r1.when,
  });

  const r2 = await round(hostD, 45, 'submitted', officers[0], [member, officers[2]]);
  await results(r2.insp, officers[0].id, new Set(['GEN-ELE-02', 'GEN-HSK-02']), r2.when);
  await hazard(r2.insp, FINDINGS[0], officers[0].id, r2.when);
  await hazard(r2.insp, FINDINGS[6], officers[0].id, r2.when);

  // 回头看 at host C: everything from the first round comes back; the exits recurred.
  const r3 = await round(hostC, 15, 'submitted', officers[1], [member, officers[2]], false, r1.insp);
  await results(r3.insp, officers[1].id, new Set(['GEN-EXT-01', 'GEN-ELE-03']), r3.when);
  for (const h of r1Hazards) {
    const recurred = h.itemCode === 'GEN-EXT-01';
    const carriedId = randomUUID();
    let recurrenceId: string | null = null;
    if (recurred) {
      const again = await hazard(r3.insp, { code: 'GEN-EXT-01', description: '北侧安全出口再次被成品堆放占用', fixMode: 'immediate', fate: 'open' }, officers[1].id, r3.when, h.id);
      recurrenceId = again.id;
    }
    await em.getRepository(InspectionCarriedEntity).insert({
      id: carriedId, inspectionId: r3.insp.id, hazardId: h.id, mark: h.status === 'closed' ? (recurred ? 'recurred' : 'still_fixed') : null,
      clientId: randomUUID(), note: recurred ? '整改后又出现' : null, level: null, fixMode: null, photoIds: [], markedById: officers[1].id, recurrenceId,
    });
  }
  await hazard(r3.insp, FINDINGS[5], officers[1].id, r3.when);

  // Last month's round at the demo member's own food plant (青亚食品): work waiting for its fixes, fixes
  // waiting for the peers' verification, a major hazard with its five-fixed plan, an overdue one, a rejection.
  const r0 = await round(enterpriseIds[1], 24, 'submitted', officers[0], [officers[2]], true);
  const own: [DemoFinding, UserEntity][] = [
    [{ code: 'GEN-SPE-01', description: '油炸车间燃气管道未设可燃气体泄漏报警装置', level: 'major', fate: 'open', measures: '加装可燃气体报警器 3 台并与紧急切断阀联锁', cost: 18600 }, officers[0]],
    [{ code: 'GEN-EXT-02', description: '冷库门内侧无应急开门装置，存在人员被困风险', fate: 'open' }, officers[2]],
    [{ code: 'GEN-HSK-01', description: '包装车间传送带链轮防护罩缺失', fate: 'pending', measures: '加装链轮防护罩，班前检查表增加防护罩一项', cost: 450 }, officers[0]],
    [{ code: 'GEN-DOC-02', description: '配料间清洗剂无安全技术说明书（MSDS），未分类存放', fate: 'pending', measures: '索取 MSDS 张贴于配料间，清洗剂单独上锁存放', cost: 120 }, officers[2]],
    [{ code: 'GEN-PPE-01', description: '切配岗位员工未佩戴防切割手套', fate: 'rejected' }, officers[0]],
    [{ code: 'GEN-ELE-04', description: '冷库照明灯具防护罩破损', fate: 'asking', measures: '更换防潮型灯具', cost: 900 }, officers[2]],
    [{ code: 'GEN-FIR-02', description: '原料库消火栓被货物遮挡', fixMode: 'immediate', fate: 'closed', measures: '移开货物，地面划设消火栓前 1 米禁放区', cost: 0 }, officers[0]],
    [{ code: 'GEN-SIG-01', description: '成品库与原料库重复记录的警示标识缺失', fate: 'voided' }, officers[2]],
  ];
  await results(r0.insp, officers[0].id, new Set(own.map(([f]) => f.code)), r0.when);
  for (const [f, by] of own) await hazard(r0.insp, f, by.id, r0.when);
  // …and one found by its own patrol five days ago, due in two days
  const recent = at(5, 8);
  const patrol = await insert({ type: 'self', status: 'submitted', cooperativeId: coopId, hostEnterpriseId: enterpriseIds[1], workshopId: shopsOf(enterpriseIds[1])[0]?.id ?? null, checklistId: checklist.id, scheduledOn: shanghaiDate(recent), createdById: member.id, startedAt: recent, submittedAt: new Date(recent.getTime() + 1800_000), submittedById: member.id, createdAt: recent, updatedAt: recent });
  await results(patrol, member.id, new Set(['GEN-TRN-02']), recent);
  await hazard(patrol, { code: 'GEN-TRN-02', description: '新入职 3 名员工未做三级安全教育', fate: 'open' }, member.id, recent);

  // This month's round is under way (the demo member leads it); next ones are planned.
  const r4 = await round(hostE, 0, 'in_progress', member, [officers[0]], true);
  const some = items.slice(0, 8);
  await em.getRepository(InspectionResultEntity).insert(
    some.map((i, n) => ({
      id: randomUUID(), inspectionId: r4.insp.id, itemId: i.id, workshopKey: '', clientId: randomUUID(), answer: n === 5 ? ('fail' as const) : ('pass' as const),
      number: null, text: null, note: null, photoIds: [], recordedById: member.id, updatedAt: r4.when,
    })),
  );
  await round(hostF, -20, 'planned', officers[2], [member, officers[1]]);
  await round(hostD, -35, 'planned', officers[1], [officers[0], officers[2]]);
}
