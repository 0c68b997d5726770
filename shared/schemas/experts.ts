// Experts and their visits (专家上门“把脉问诊”): a visit runs an inspection of type `expert` and ends in a
// rectification prescription (整改处方). Routes: /api/experts, /api/experts/stats, /api/expert-visits.
import { z } from 'zod';
import { HAZARD_LEVELS } from '../enums';
import { FIX_MODES } from '../deadlines';
import { createUserSchema } from './auth';
import { dateSchema, idSchema, pageOf, pageQuerySchema, textSchema } from './common';
import { INSPECTION_STATUSES } from './inspections';

/** Fields an expert is registered for (专业领域). */
export const EXPERT_FIELDS = ['综合安全', '电气安全', '消防安全', '危险化学品', '特种设备', '机械安全', '粉尘防爆', '有限空间', '职业卫生', '应急管理'] as const;
export type ExpertField = (typeof EXPERT_FIELDS)[number];

const certificatesSchema = z.array(textSchema(1, 60)).max(10).default([]);

/**
 * `POST /api/experts`: a supervisor (for a region they oversee) or a coop admin (for their cooperative)
 * registers an expert: a new desk account (username, password, name), or an existing user by `userId`.
 * Exactly one of regionId / cooperativeId says whom the expert serves.
 */
export const createExpertSchema = z
  .object({
    userId: idSchema.optional(),
    username: createUserSchema.shape.username.optional(),
    password: createUserSchema.shape.password.optional(),
    name: textSchema(1, 40).optional(),
    field: z.enum(EXPERT_FIELDS),
    /** e.g. 注册安全工程师 (中级), 电工作业证 */
    certificates: certificatesSchema,
    /** Title and employer, e.g. 高级工程师 · 日照市安全生产协会 */
    title: textSchema(0, 80).nullable().default(null),
    regionId: idSchema.optional(),
    cooperativeId: idSchema.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (!b.userId && (!b.username || !b.password || !b.name)) {
      for (const k of ['username', 'password', 'name'] as const) {
        if (!b[k]) ctx.addIssue({ code: 'custom', path: [k], message: '新专家账号须填写用户名、密码和姓名' });
      }
    }
    if (!!b.regionId === !!b.cooperativeId) ctx.addIssue({ code: 'custom', path: ['regionId'], message: '请选择专家服务的区域或合作社（二选一）' });
  });
export type CreateExpertBody = z.infer<typeof createExpertSchema>;
export type CreateExpertInput = z.input<typeof createExpertSchema>;

export const expertSchema = z.object({
  userId: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  field: z.enum(EXPERT_FIELDS),
  certificates: z.array(z.string()),
  title: z.string().nullable(),
  regionId: z.string().nullable(),
  regionName: z.string().nullable(),
  cooperativeId: z.string().nullable(),
  cooperativeName: z.string().nullable(),
  /** Visits scheduled for this expert (all states) and done (submitted). */
  visits: z.number().int(),
  visitsDone: z.number().int(),
  createdAt: z.string(),
});
export type Expert = z.infer<typeof expertSchema>;

export const expertListQuerySchema = pageQuerySchema
  .extend({ regionId: idSchema.optional(), cooperativeId: idSchema.optional(), field: z.enum(EXPERT_FIELDS).optional() })
  .strict();
export type ExpertListQuery = z.infer<typeof expertListQuerySchema>;
export const expertListSchema = pageOf(expertSchema);
export type ExpertList = z.infer<typeof expertListSchema>;

/**
 * `GET /api/experts/candidates?q=` (a supervisor or coop admin, before registering an existing user): people who
 * may be registered (no role but `expert`) whose username, bound phone or name is exactly `q`. Phones masked.
 */
export const expertCandidateQuerySchema = z.object({ q: z.string().trim().min(2).max(64) }).strict();
export type ExpertCandidateQuery = z.infer<typeof expertCandidateQuerySchema>;
export const expertCandidateSchema = z.object({
  userId: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  /** 138****8000, or null when none is bound. */
  phone: z.string().nullable(),
  /** Already an expert (registering again brings the profile up to date). */
  isExpert: z.boolean(),
});
export type ExpertCandidate = z.infer<typeof expertCandidateSchema>;
export const expertCandidateListSchema = z.object({ items: z.array(expertCandidateSchema) });
export type ExpertCandidateList = z.infer<typeof expertCandidateListSchema>;

// ---- visits ----

/** `POST /api/expert-visits`: the supervisor or coop admin schedules an expert to an enterprise. */
export const createExpertVisitSchema = z
  .object({
    enterpriseId: idSchema,
    expertUserId: idSchema,
    scheduledOn: dateSchema,
    /** 检查目的 / 重点, e.g. 乙炔站防爆电气专项检查 */
    purpose: textSchema(2, 500, { multiline: true }),
    /** Default: the cooperative's newest checklist for the enterprise's industry, else 通用. */
    checklistId: idSchema.optional(),
  })
  .strict();
export type CreateExpertVisitBody = z.infer<typeof createExpertVisitSchema>;

/** `PUT /api/expert-visits/:id/prescription`: the expert's advice, general and per hazard of the visit. */
export const prescriptionBodySchema = z
  .object({
    advice: textSchema(0, 2000, { multiline: true }),
    items: z.array(z.object({ hazardId: idSchema, advice: textSchema(0, 1000, { multiline: true }) }).strict()).max(200).default([]),
    /** 后续跟踪, e.g. 一个月后回访复查 */
    followUp: textSchema(0, 500, { multiline: true }).nullable().default(null),
  })
  .strict();
export type PrescriptionBody = z.infer<typeof prescriptionBodySchema>;

/** A visit's state is its inspection's: planned → in_progress → submitted (the prescription is then ready). */
export const EXPERT_VISIT_STATUS_LABELS: Record<(typeof INSPECTION_STATUSES)[number], string> = {
  planned: '待上门',
  in_progress: '检查中',
  submitted: '已完成',
};

export const prescriptionItemSchema = z.object({
  hazardId: z.string(),
  description: z.string(),
  place: z.string().nullable(),
  level: z.enum(HAZARD_LEVELS),
  fixMode: z.enum(FIX_MODES),
  deadline: z.string(),
  status: z.string(),
  /** The expert's advice for this hazard (null: the standard requirement is printed). */
  advice: z.string().nullable(),
});
export type PrescriptionItem = z.infer<typeof prescriptionItemSchema>;

export const expertVisitSchema = z.object({
  id: z.string(),
  inspectionId: z.string(),
  status: z.enum(INSPECTION_STATUSES),
  expertUserId: z.string(),
  expertName: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  cooperativeId: z.string().nullable(),
  scheduledOn: z.string(),
  purpose: z.string(),
  hazardCount: z.number().int(),
  advice: z.string().nullable(),
  followUp: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
});
export type ExpertVisit = z.infer<typeof expertVisitSchema>;

export const expertVisitDetailSchema = expertVisitSchema.extend({
  /** The hazards found (after submit), each with the expert's advice. */
  items: z.array(prescriptionItemSchema),
  /** What the caller may do: write the prescription (the visit's expert), print it (after submit). */
  canEditPrescription: z.boolean(),
  prescriptionReady: z.boolean(),
});
export type ExpertVisitDetail = z.infer<typeof expertVisitDetailSchema>;

export const expertVisitQuerySchema = pageQuerySchema
  .extend({
    status: z.enum(INSPECTION_STATUSES).optional(),
    expertUserId: idSchema.optional(),
    enterpriseId: idSchema.optional(),
    cooperativeId: idSchema.optional(),
    /** Only the caller's own visits (the expert's list). */
    mine: z.enum(['true', 'false']).optional(),
    from: dateSchema.optional(),
    to: dateSchema.optional(),
  })
  .strict();
export type ExpertVisitQuery = z.infer<typeof expertVisitQuerySchema>;
export const expertVisitListSchema = pageOf(expertVisitSchema);
export type ExpertVisitList = z.infer<typeof expertVisitListSchema>;

// ---- counters ----

/** `GET /api/experts/stats?regionId=|cooperativeId=` (one of them; none: everything the caller oversees). */
export const expertStatsQuerySchema = z
  .object({ regionId: idSchema.optional(), cooperativeId: idSchema.optional(), from: dateSchema.optional(), to: dateSchema.optional() })
  .strict()
  .refine((q) => !(q.regionId && q.cooperativeId), { message: '区域和合作社只能选一个', path: ['cooperativeId'] });
export type ExpertStatsQuery = z.infer<typeof expertStatsQuerySchema>;

export const expertStatsSchema = z.object({
  regionId: z.string().nullable(),
  cooperativeId: z.string().nullable(),
  /** Expert visits by state. */
  visits: z.object({ planned: z.number().int(), inProgress: z.number().int(), done: z.number().int(), total: z.number().int() }),
  /** 专家参与人次: experts taking part in inspections that took place (visits and mutual rounds with an expert). */
  engagements: z.number().int(),
  /** Different experts among them. */
  experts: z.number().int(),
  /** Hazards experts found there. */
  hazardsFound: z.number().int(),
});
export type ExpertStats = z.infer<typeof expertStatsSchema>;
