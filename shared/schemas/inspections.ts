import { z } from 'zod';
import { HAZARD_LEVELS, HAZARD_STATUSES } from '../enums';
import { FIX_MODES } from '../deadlines';
import { clientIdSchema, dateSchema, idSchema, pageQuerySchema, textSchema } from './common';
import { CHECK_CATEGORIES, checklistItemSchema } from './checklists';
import { hazardSchema } from './hazards';

// `expert` rounds are created by scheduling an expert visit (shared/schemas/experts.ts), not by POST /api/inspections.
export const INSPECTION_TYPES = ['self', 'mutual', 'expert'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];
export const INSPECTION_TYPE_LABELS: Record<InspectionType, string> = { self: '日常巡查', mutual: '互查', expert: '专家上门' };

export const INSPECTION_STATUSES = ['planned', 'in_progress', 'submitted'] as const;
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number];
export const INSPECTION_STATUS_LABELS: Record<InspectionStatus, string> = {
  planned: '待开始',
  in_progress: '进行中',
  submitted: '已提交',
};

export const ANSWERS = ['pass', 'fail', 'na'] as const;
export type Answer = (typeof ANSWERS)[number];

export const RECHECK_MARKS = ['still_fixed', 'recurred'] as const;
export type RecheckMark = (typeof RECHECK_MARKS)[number];

export { clientIdSchema } from './common';
const photoIdsSchema = z.array(idSchema).max(9).default([]);

// ---- create ----

/** A self patrol of the caller's enterprise; with a workshop it is usually started by scanning its label. */
export const createSelfInspectionSchema = z
  .object({
    type: z.literal('self'),
    /** Needed only when the caller works at several enterprises (taken from the workshop otherwise). */
    enterpriseId: idSchema.optional(),
    workshopId: idSchema.optional(),
    /** Default: the enterprise's cooperative's newest checklist matching its industry, else 通用. */
    checklistId: idSchema.optional(),
  })
  .strict();

export const inspectorInputSchema = z
  .object({
    userId: idSchema,
    leader: z.boolean().default(false),
  })
  .strict();

/** A mutual round scheduled by the coop admin. */
export const createMutualInspectionSchema = z
  .object({
    type: z.literal('mutual'),
    cooperativeId: idSchema,
    hostEnterpriseId: idSchema,
    scheduledOn: dateSchema,
    checklistId: idSchema,
    /** ≥ 2 people from other member enterprises, exactly one of them the leader. */
    inspectors: z
      .array(inspectorInputSchema)
      .min(2, '检查组至少需要 2 人')
      .max(10)
      .refine((l) => l.filter((i) => i.leader).length === 1, '检查组须有且只有一名组长')
      .refine((l) => new Set(l.map((i) => i.userId)).size === l.length, '检查组成员不能重复'),
    expertUserId: idSchema.optional(),
  })
  .strict();

export const createInspectionSchema = z.discriminatedUnion('type', [
  createSelfInspectionSchema,
  createMutualInspectionSchema,
]);
export type CreateInspectionBody = z.infer<typeof createInspectionSchema>;
export type CreateSelfInspectionBody = z.infer<typeof createSelfInspectionSchema>;
export type CreateMutualInspectionBody = z.infer<typeof createMutualInspectionSchema>;

export const inspectionQuerySchema = pageQuerySchema
  .extend({
    type: z.enum(INSPECTION_TYPES).optional(),
    status: z.enum(INSPECTION_STATUSES).optional(),
    cooperativeId: idSchema.optional(),
    hostEnterpriseId: idSchema.optional(),
    /** Only rounds the caller is assigned to. */
    assigned: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type InspectionQuery = z.infer<typeof inspectionQuerySchema>;

// ---- results batch ----

/** One answer for one item (in one workshop, or for the whole site when workshopId is null). */
export const itemResultInputSchema = z
  .object({
    clientId: clientIdSchema,
    itemId: idSchema,
    workshopId: idSchema.nullable().default(null),
    /** pass_fail items; number/text items may also be judged pass/fail. */
    answer: z.enum(ANSWERS).nullable().default(null),
    number: z.number().finite().nullable().default(null),
    text: textSchema(0, 500, { multiline: true }).nullable().default(null),
    note: textSchema(0, 500, { multiline: true }).nullable().default(null),
    photoIds: photoIdsSchema,
  })
  .strict();
export type ItemResultInput = z.infer<typeof itemResultInputSchema>;

/** A hazard: from a failed item (prefilled from it) or free. */
export const hazardInputSchema = z
  .object({
    clientId: clientIdSchema,
    itemId: idSchema.nullable().default(null),
    workshopId: idSchema.nullable().default(null),
    description: textSchema(2, 1000, { multiline: true }),
    category: z.enum(CHECK_CATEGORIES),
    level: z.enum(HAZARD_LEVELS).default('general'),
    fixMode: z.enum(FIX_MODES).default('deadline'),
    photoIds: photoIdsSchema,
  })
  .strict();
export type HazardInput = z.infer<typeof hazardInputSchema>;

/** A good practice (优点) worth copying. */
export const goodPracticeInputSchema = z
  .object({
    clientId: clientIdSchema,
    workshopId: idSchema.nullable().default(null),
    description: textSchema(2, 1000, { multiline: true }),
    photoIds: photoIdsSchema,
  })
  .strict();
export type GoodPracticeInput = z.infer<typeof goodPracticeInputSchema>;

/** 回头看: a carried-forward hazard re-checked. `recurred` creates a new hazard linked to the old one at submit. */
export const recheckInputSchema = z
  .object({
    clientId: clientIdSchema,
    hazardId: idSchema,
    mark: z.enum(RECHECK_MARKS),
    note: textSchema(0, 500, { multiline: true }).nullable().default(null),
    /** For `recurred`: level and fix mode of the new hazard (defaults: the old one's level, by deadline). */
    level: z.enum(HAZARD_LEVELS).optional(),
    fixMode: z.enum(FIX_MODES).optional(),
    photoIds: photoIdsSchema,
  })
  .strict();
export type RecheckInput = z.infer<typeof recheckInputSchema>;

/** `POST /api/inspections/:id/results`: idempotent by each entry's clientId (a re-sent batch changes nothing). */
export const resultsBatchSchema = z
  .object({
    results: z.array(itemResultInputSchema).max(2000).default([]),
    hazards: z.array(hazardInputSchema).max(200).default([]),
    goodPractices: z.array(goodPracticeInputSchema).max(100).default([]),
    rechecks: z.array(recheckInputSchema).max(500).default([]),
    /** Also submit the inspection, in the same transaction (the phone's last batch). */
    submit: z.boolean().default(false),
  })
  .strict();
export type ResultsBatch = z.infer<typeof resultsBatchSchema>;
export type ResultsBatchInput = z.input<typeof resultsBatchSchema>;

export const resultsAckSchema = z.object({
  results: z.number().int(),
  hazards: z.number().int(),
  goodPractices: z.number().int(),
  rechecks: z.number().int(),
  /** Whether the inspection was submitted with this batch. */
  submitted: z.boolean(),
});
export type ResultsAck = z.infer<typeof resultsAckSchema>;

// ---- read ----

export const inspectorSchema = z.object({
  userId: z.string(),
  name: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  role: z.enum(['leader', 'member', 'expert']),
});
export type Inspector = z.infer<typeof inspectorSchema>;

export const itemResultSchema = z.object({
  clientId: z.string(),
  itemId: z.string(),
  workshopId: z.string().nullable(),
  answer: z.enum(ANSWERS).nullable(),
  number: z.number().nullable(),
  text: z.string().nullable(),
  note: z.string().nullable(),
  photoIds: z.array(z.string()),
  recordedById: z.string(),
  updatedAt: z.string(),
});
export type ItemResult = z.infer<typeof itemResultSchema>;

export const findingSchema = z.object({
  clientId: z.string(),
  kind: z.enum(['hazard', 'good_practice']),
  itemId: z.string().nullable(),
  workshopId: z.string().nullable(),
  description: z.string(),
  category: z.enum(CHECK_CATEGORIES).nullable(),
  level: z.enum(HAZARD_LEVELS).nullable(),
  fixMode: z.enum(FIX_MODES).nullable(),
  photoIds: z.array(z.string()),
  recordedById: z.string(),
  /** After submit: the hazard created from it. */
  hazardId: z.string().nullable(),
});
export type Finding = z.infer<typeof findingSchema>;

/** 回头看: a hazard of the host brought into this inspection, with its re-check mark. */
export const carriedHazardSchema = z.object({
  hazardId: z.string(),
  description: z.string(),
  category: z.enum(CHECK_CATEGORIES),
  level: z.enum(HAZARD_LEVELS),
  workshopId: z.string().nullable(),
  workshopName: z.string().nullable(),
  status: z.enum(HAZARD_STATUSES),
  deadline: z.string(),
  foundOn: z.string(),
  closedAt: z.string().nullable(),
  mark: z.enum(RECHECK_MARKS).nullable(),
  note: z.string().nullable(),
  /** The new hazard created for a recurrence at submit. */
  recurrenceId: z.string().nullable(),
});
export type CarriedHazard = z.infer<typeof carriedHazardSchema>;

export const inspectionSummarySchema = z.object({
  id: z.string(),
  type: z.enum(INSPECTION_TYPES),
  status: z.enum(INSPECTION_STATUSES),
  cooperativeId: z.string().nullable(),
  hostEnterpriseId: z.string(),
  hostName: z.string(),
  workshopId: z.string().nullable(),
  scheduledOn: z.string(),
  checklistId: z.string(),
  checklistName: z.string(),
  checklistVersion: z.number().int(),
  /** Whether the caller is in the group (or the expert). */
  assigned: z.boolean(),
  hazardCount: z.number().int(),
  startedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type InspectionSummary = z.infer<typeof inspectionSummarySchema>;

export const inspectionListSchema = z.object({
  items: z.array(inspectionSummarySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const inspectionSchema = inspectionSummarySchema.extend({
  items: z.array(checklistItemSchema),
  workshops: z.array(z.object({ id: z.string(), name: z.string() })),
  inspectors: z.array(inspectorSchema),
  results: z.array(itemResultSchema),
  findings: z.array(findingSchema),
  carried: z.array(carriedHazardSchema),
  /** The hazards created at submit. */
  hazards: z.array(hazardSchema),
  /** What the caller may do now. */
  canStart: z.boolean(),
  canRecord: z.boolean(),
  canSubmit: z.boolean(),
  previousInspectionId: z.string().nullable(),
});
export type Inspection = z.infer<typeof inspectionSchema>;

// ---- feedback (集中反馈会) ----

export const feedbackSchema = z.object({
  inspectionId: z.string(),
  hostEnterpriseId: z.string(),
  hostName: z.string(),
  /** The host's hazards from this round. */
  problems: z.array(hazardSchema),
  /** Failed items of the host that also failed at other members of the cooperative in the last 90 days. */
  common: z.array(
    z.object({
      itemCode: z.string(),
      text: z.string(),
      category: z.enum(CHECK_CATEGORIES),
      /** How many other members failed it. */
      otherEnterprises: z.number().int(),
      otherEnterpriseNames: z.array(z.string()),
    }),
  ),
  goodPractices: z.array(findingSchema),
  since: z.string(),
});
export type Feedback = z.infer<typeof feedbackSchema>;
