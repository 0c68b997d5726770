import { z } from 'zod';
import { FINDING_SOURCES, HAZARD_LEVELS, HAZARD_STATUSES } from '../enums';
import { FIX_MODES } from '../deadlines';
import { HAZARD_ACTIONS } from '../hazard-lifecycle';
import { CHECK_CATEGORIES } from './checklists';
import { clientIdSchema, dateSchema, idSchema, pageOf, pageQuerySchema, textSchema } from './common';

export const HAZARD_EVENT_KINDS = [
  'reported',
  'plan_submitted',
  'rectification_submitted',
  'accepted',
  'rejected',
  'extended',
  'extension_requested',
  'extension_denied',
  'voided',
  'rechecked',
] as const;
export type HazardEventKind = (typeof HAZARD_EVENT_KINDS)[number];

export const hazardEventSchema = z.object({
  id: z.string(),
  kind: z.enum(HAZARD_EVENT_KINDS),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
  fromStatus: z.enum(HAZARD_STATUSES).nullable(),
  toStatus: z.enum(HAZARD_STATUSES),
  note: z.string().nullable(),
  /** What changed, e.g. `{deadlineBefore, deadlineAfter}`, `{measures, cost}`, `{responsible, funds, …}`. */
  data: z.record(z.union([z.string(), z.number(), z.boolean()])).nullable(),
  photoIds: z.array(z.string()),
});
export type HazardEvent = z.infer<typeof hazardEventSchema>;

export const hazardSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  cooperativeId: z.string().nullable(),
  inspectionId: z.string().nullable(),
  workshopId: z.string().nullable(),
  workshopName: z.string().nullable(),
  /** The checklist item it failed, if any, and that item's stable code. */
  itemId: z.string().nullable(),
  itemCode: z.string().nullable(),
  category: z.enum(CHECK_CATEGORIES),
  description: z.string(),
  level: z.enum(HAZARD_LEVELS),
  fixMode: z.enum(FIX_MODES),
  source: z.enum(FINDING_SOURCES),
  foundById: z.string(),
  foundByName: z.string(),
  /** Calendar date (Asia/Shanghai) it was found. */
  foundOn: z.string(),
  deadline: z.string(),
  /** Major hazards: the treatment plan's due date. */
  planDueOn: z.string().nullable(),
  status: z.enum(HAZARD_STATUSES),
  /** The hazard this one is a recurrence of (回头看). */
  recurrenceOfId: z.string().nullable(),
  photoIds: z.array(z.string()),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  /** Derived (shared/deadlines.ts isOverdue): open and past the deadline day in Shanghai. */
  overdue: z.boolean(),
  /** Days from today (Shanghai) to the deadline: 0 on the day, negative when overdue. */
  daysLeft: z.number().int(),
  /** Optimistic version: send it back with a verification so a stale screen gets 409. */
  version: z.number().int(),
});
export type Hazard = z.infer<typeof hazardSchema>;

/** A major hazard's treatment plan, the five fixed (五定): 责任、措施、资金、时限、预案. */
export const hazardPlanSchema = z
  .object({
    responsible: textSchema(1, 40),
    measures: textSchema(1, 1000, { multiline: true }),
    /** 元 */
    funds: z.number().min(0).max(100_000_000).multipleOf(0.01),
    deadline: dateSchema,
    contingency: textSchema(1, 1000, { multiline: true }),
  })
  .strict();
export type HazardPlanBody = z.infer<typeof hazardPlanSchema>;

export const rectificationBodySchema = z
  .object({
    /** Idempotency: the same clientId twice records one rectification. */
    clientId: clientIdSchema.optional(),
    measures: textSchema(1, 1000, { multiline: true }),
    /** 元 */
    cost: z.number().min(0).max(100_000_000).multipleOf(0.01),
    responsible: textSchema(1, 40),
    /** After-photos (uploaded with POST /api/files first). */
    photoIds: z.array(idSchema).min(1, '请至少上传一张整改后照片').max(9),
    /** Day the fix was finished; defaults to today. */
    completedOn: dateSchema.optional(),
  })
  .strict();
export type RectificationBody = z.infer<typeof rectificationBodySchema>;

export const verificationBodySchema = z
  .object({
    decision: z.enum(['accept', 'reject']),
    note: textSchema(0, 500, { multiline: true }).optional(),
    photoIds: z.array(idSchema).max(9).optional(),
    /** The version the verifier saw; another verifier's move in between answers 409 HAZARD_CHANGED. */
    version: z.number().int().min(1).optional(),
  })
  .strict()
  .refine((b) => b.decision === 'accept' || (b.note ?? '').trim().length > 0, { message: '退回整改须说明原因', path: ['note'] });
export type VerificationBody = z.infer<typeof verificationBodySchema>;

/** By the enterprise: a request; by someone who may grant: granted at once (or `decision: 'deny'` a pending request). */
export const extensionBodySchema = z
  .object({
    deadline: dateSchema.optional(),
    reason: textSchema(1, 500, { multiline: true }),
    decision: z.enum(['grant', 'deny']).optional(),
  })
  .strict()
  .refine((b) => b.decision === 'deny' || !!b.deadline, { message: '请选择新的整改期限', path: ['deadline'] });
export type ExtensionBody = z.infer<typeof extensionBodySchema>;

export const voidBodySchema = z.object({ reason: textSchema(1, 500, { multiline: true }) }).strict();
export type VoidBody = z.infer<typeof voidBodySchema>;

export const hazardPlanViewSchema = hazardPlanSchema.extend({ submittedAt: z.string() });
export const rectificationViewSchema = z.object({
  measures: z.string(),
  cost: z.number(),
  responsible: z.string(),
  photoIds: z.array(z.string()),
  completedOn: z.string(),
  submittedAt: z.string(),
  submittedByName: z.string(),
});

export const hazardDetailSchema = hazardSchema.extend({
  events: z.array(hazardEventSchema),
  plan: hazardPlanViewSchema.nullable(),
  /** The latest rectification (earlier ones stay in the timeline). */
  rectification: rectificationViewSchema.nullable(),
  extensionRequest: z.object({ deadline: z.string(), reason: z.string(), requestedAt: z.string(), requestedByName: z.string() }).nullable(),
  verifiedByName: z.string().nullable(),
  verifiedOn: z.string().nullable(),
  /** What the caller may do now (shared/hazard-lifecycle.ts allowedActions). */
  actions: z.array(z.enum(HAZARD_ACTIONS)),
});
export type HazardDetail = z.infer<typeof hazardDetailSchema>;

export const HAZARD_VIEWS = ['all', 'open', 'to_verify', 'attention'] as const;
/**
 * `open`: reported or pending, nearest deadline first (a member's list); `to_verify`: pending and the caller
 * may verify (inspector, expert, coop admin); `attention`: open and (major or overdue) (a supervisor's list).
 * Order always: open before finished, then overdue first, then the nearest deadline.
 */
export const hazardQuerySchema = pageQuerySchema
  .extend({
    view: z.enum(HAZARD_VIEWS).default('all'),
    enterpriseId: idSchema.optional(),
    cooperativeId: idSchema.optional(),
    inspectionId: idSchema.optional(),
    status: z.enum(HAZARD_STATUSES).optional(),
    level: z.enum(HAZARD_LEVELS).optional(),
    source: z.enum(FINDING_SOURCES).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    /** Found on or after / before (YYYY-MM-DD). */
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .strict();
export type HazardQuery = z.infer<typeof hazardQuerySchema>;

export const hazardListSchema = pageOf(hazardSchema);
export type HazardList = z.infer<typeof hazardListSchema>;

/** Per-member counts for a cooperative's admin (or a supervisor): overdue first. */
export const hazardSummaryRowSchema = z.object({
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  open: z.number().int(),
  pendingVerification: z.number().int(),
  overdue: z.number().int(),
  major: z.number().int(),
  closed: z.number().int(),
});
export const hazardSummarySchema = z.object({ items: z.array(hazardSummaryRowSchema) });
export type HazardSummary = z.infer<typeof hazardSummarySchema>;
export const hazardSummaryQuerySchema = z.object({ cooperativeId: idSchema.optional() }).strict();
export type HazardSummaryQuery = z.infer<typeof hazardSummaryQuerySchema>;

/** A cooperative's rectification deadline rules (days from the day found); defaults 0 / 7 / 30 / 3. */
export const deadlineRulesSchema = z
  .object({
    immediateDays: z.number().int().min(0).max(3),
    generalDays: z.number().int().min(1).max(90),
    majorDays: z.number().int().min(1).max(365),
    majorPlanDays: z.number().int().min(1).max(30),
  })
  .strict();
export type DeadlineRulesBody = z.infer<typeof deadlineRulesSchema>;
