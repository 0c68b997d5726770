import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { DEFAULT_DEADLINE_RULES, type FixMode, hazardDeadline } from '../../../shared/deadlines';
import { addDays, shanghaiDate } from '../../../shared/dates';
import type { HazardLevel, HazardStatus } from '../../../shared/enums';
import type { HazardEventKind } from '../../../shared/schemas/hazards';
import type { ChecklistItemEntity } from '../checklists/checklist.entity';
import { HazardEntity, HazardEventEntity } from '../hazards/hazard.entity';
import { InspectionFindingEntity, type InspectionEntity } from '../inspections/inspection.entity';

const DAY = 86_400_000;

/** What became of a demo hazard by today; every state of the loop appears somewhere in the season. */
export type DemoFate =
  | 'open'
  | 'pending'
  | 'closed'
  /** fixed, sent back with a reason, waiting for the second fix */
  | 'rejected'
  /** more time asked and granted */
  | 'extended'
  /** more time asked, nobody has answered */
  | 'asking'
  | 'voided';

export interface DemoFinding {
  code: string;
  description: string;
  level?: HazardLevel;
  fixMode?: FixMode;
  fate: DemoFate;
  /** What the enterprise did about it (defaults by checklist code). */
  measures?: string;
  cost?: number;
}

// What a member typically does about each finding, and what it costs (元).
const FIXES: Record<string, [string, number]> = {
  'GEN-ELE-01': ['配电箱加锁，清理积尘，张贴责任人及联系电话', 60],
  'GEN-ELE-02': ['拆除串接拖线板，增设固定插座 4 个，线路穿管敷设', 850],
  'GEN-ELE-03': ['切割机回路加装 30mA 漏电保护器并试跳合格', 320],
  'GEN-EXT-01': ['清理出口内侧纸箱，地面划设禁止占用黄线', 0],
  'GEN-FIR-01': ['更换 2 具 4kg 干粉灭火器，建立月检记录', 260],
  'GEN-FIR-03': ['拆除二层住宿隔间，员工改住厂外宿舍', 4800],
  'GEN-HSK-02': ['补装 1.2 米防护栏杆，张贴当心坠落标识', 1500],
};

export interface DemoHazardContext {
  em: EntityManager;
  coopId: string;
  now: Date;
  byCode: Map<string, ChecklistItemEntity>;
  shopOf: (enterpriseId: string) => string | null;
  /** The host's own person who fixes (its safety officer), if it has an account. */
  fixerOf: (enterpriseId: string) => string | null;
  /** The coop admin, who grants extensions and voids records made in error. */
  adminId: string;
}

interface Step {
  kind: HazardEventKind;
  actor: string | null;
  days: number;
  from: HazardStatus | null;
  to: HazardStatus;
  note: string | null;
  data?: Record<string, string | number | boolean> | null;
}

/**
 * One hazard from an inspection, with the finding it came from and a timeline that reads like the work
 * behind it: the plan of a major hazard, fixes with measures and cost, a rejection, an extension, a void.
 * Columns (plan, rectification, verifier, pending extension) match the last events.
 */
export async function demoHazard(ctx: DemoHazardContext, insp: InspectionEntity, f: DemoFinding, finderId: string, when: Date, recurrenceOfId: string | null = null): Promise<HazardEntity> {
  const { em } = ctx;
  const item = ctx.byCode.get(f.code) as ChecklistItemEntity;
  const level = f.level ?? 'general';
  const fixMode = f.fixMode ?? 'deadline';
  const d = hazardDeadline({ level, fixMode, foundAt: when }, DEFAULT_DEADLINE_RULES);
  const host = insp.hostEnterpriseId;
  const fixer = ctx.fixerOf(host);
  const shop = ctx.shopOf(host);
  const [measures, cost] = [f.measures ?? FIXES[f.code]?.[0] ?? '已按检查要求整改', f.cost ?? FIXES[f.code]?.[1] ?? 200];
  const finding = {
    id: randomUUID(), inspectionId: insp.id, clientId: randomUUID(), kind: 'hazard' as const, itemId: item.id, workshopId: shop, description: f.description,
    category: item.category, level, fixMode, photoIds: [], recordedById: finderId, hazardId: null, createdAt: when, updatedAt: when,
  };
  await em.getRepository(InspectionFindingEntity).insert(finding);

  // the timeline; days after `when`, never later than an hour ago
  const steps: Step[] = [{ kind: 'reported', actor: finderId, days: 0, from: null, to: 'reported', note: null, data: { deadline: d.deadline, level, fixMode, ...(d.planDueOn ? { planDueOn: d.planDueOn } : {}) } }];
  const h = em.getRepository(HazardEntity).create({
    id: randomUUID(), enterpriseId: host, cooperativeId: ctx.coopId, inspectionId: insp.id, originId: finding.id, workshopId: shop, itemId: item.id, itemCode: item.code,
    category: item.category, description: f.description, level, fixMode, source: insp.type === 'self' ? 'self' : 'peer', foundById: finderId, foundOn: shanghaiDate(when),
    deadline: d.deadline, planDueOn: d.planDueOn, status: 'reported', recurrenceOfId, photoIds: [], closedAt: null, version: 1, createdAt: when, updatedAt: when,
    planResponsible: null, planMeasures: null, planFundsFen: null, planDeadline: null, planContingency: null, planSubmittedAt: null,
    rectMeasures: null, rectCostFen: null, rectResponsible: null, rectPhotoIds: null, rectCompletedOn: null, rectSubmittedAt: null, rectSubmittedById: null,
    verifiedById: null, verifiedAt: null, extDeadline: null, extReason: null, extRequestedById: null, extRequestedAt: null,
  });
  const at = (days: number) => new Date(Math.min(when.getTime() + days * DAY, ctx.now.getTime() - 3600_000));
  const fixerName = '安全员';
  if (level === 'major') {
    Object.assign(h, { planResponsible: '厂长', planMeasures: measures, planFundsFen: cost * 100, planDeadline: d.deadline, planContingency: '停用相关区域，落实专人值守，按专项应急预案处置', planSubmittedAt: at(2) });
    steps.push({ kind: 'plan_submitted', actor: fixer, days: 2, from: 'reported', to: 'reported', note: measures, data: { responsible: '厂长', funds: cost, deadline: d.deadline, contingency: '停用相关区域，落实专人值守，按专项应急预案处置' } });
  }
  const fix = (days: number, text = measures) => {
    Object.assign(h, { rectMeasures: text, rectCostFen: cost * 100, rectResponsible: fixerName, rectPhotoIds: [], rectCompletedOn: shanghaiDate(at(days)), rectSubmittedAt: at(days), rectSubmittedById: fixer });
    steps.push({ kind: 'rectification_submitted', actor: fixer, days, from: 'reported', to: 'pending_verification', note: text, data: { cost, responsible: fixerName, completedOn: shanghaiDate(at(days)) } });
  };
  switch (f.fate) {
    case 'pending':
      fix(3);
      h.status = 'pending_verification';
      break;
    case 'closed':
      fix(3);
      steps.push({ kind: 'accepted', actor: finderId, days: 4, from: 'pending_verification', to: 'closed', note: '现场复核合格，予以销号' });
      Object.assign(h, { status: 'closed', verifiedById: finderId, verifiedAt: at(4), closedAt: at(4) });
      break;
    case 'rejected':
      fix(2, '已口头提醒员工注意');
      steps.push({ kind: 'rejected', actor: finderId, days: 3, from: 'pending_verification', to: 'reported', note: '只做了提醒，未见实物整改，请按检查要求落实并补拍整改后照片' });
      break;
    case 'extended': {
      const later = addDays(d.deadline, 14);
      steps.push({ kind: 'extension_requested', actor: fixer, days: 3, from: 'reported', to: 'reported', note: '所需配件需向厂家订购，到货约两周', data: { deadline: d.deadline, requestedDeadline: later } });
      steps.push({ kind: 'extended', actor: ctx.adminId, days: 4, from: 'reported', to: 'reported', note: '同意延期，期间落实临时防护措施', data: { deadlineBefore: d.deadline, deadlineAfter: later } });
      h.deadline = later;
      break;
    }
    case 'asking': {
      const later = addDays(d.deadline, 10);
      steps.push({ kind: 'extension_requested', actor: fixer, days: 1, from: 'reported', to: 'reported', note: '施工队排期在下旬，申请延期 10 天', data: { deadline: d.deadline, requestedDeadline: later } });
      Object.assign(h, { extDeadline: later, extReason: '施工队排期在下旬，申请延期 10 天', extRequestedById: fixer, extRequestedAt: at(1) });
      break;
    }
    case 'voided':
      steps.push({ kind: 'voided', actor: ctx.adminId, days: 1, from: 'reported', to: 'voided', note: '与同次检查另一条隐患重复，作废' });
      Object.assign(h, { status: 'voided', closedAt: at(1) });
      break;
    case 'open':
      break;
  }
  h.version = steps.length;
  h.updatedAt = at(steps[steps.length - 1].days);
  await em.getRepository(HazardEntity).insert(h);
  await em.getRepository(InspectionFindingEntity).update({ id: finding.id }, { hazardId: h.id });
  await em.getRepository(HazardEventEntity).insert(
    steps.map((s) => ({ id: randomUUID(), hazardId: h.id, kind: s.kind, actorId: s.actor, at: at(s.days), fromStatus: s.from, toStatus: s.to, note: s.note, data: s.data ?? null, photoIds: [], clientId: null })),
  );
  return h;
}
