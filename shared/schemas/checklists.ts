import { z } from 'zod';
import { idSchema, textSchema } from './common';

/** Item categories (docs/domain.md "Checklist"); the first word a hazard is filed under. */
export const CHECK_CATEGORIES = [
  'electrical',
  'fire',
  'exits',
  'machine_guarding',
  'chemicals',
  'gas_cylinders',
  'dust',
  'confined_space',
  'special_equipment',
  'hot_work',
  'ppe',
  'signage',
  'housekeeping',
  'documents',
  'training',
] as const;
export type CheckCategory = (typeof CHECK_CATEGORIES)[number];

export const CHECK_CATEGORY_LABELS: Record<CheckCategory, string> = {
  electrical: '用电安全',
  fire: '消防安全',
  exits: '安全出口与疏散',
  machine_guarding: '机械防护',
  chemicals: '危险化学品',
  gas_cylinders: '气瓶与压力管道',
  dust: '粉尘防爆',
  confined_space: '有限空间',
  special_equipment: '特种设备',
  hot_work: '动火与危险作业',
  ppe: '劳动防护用品',
  signage: '安全警示标志',
  housekeeping: '作业现场管理',
  documents: '制度与台账',
  training: '教育培训',
};

/** `pass_fail`: 合格 / 不合格 / 不适用; `number`: a reading (with a unit); `text`: a written answer. */
export const ANSWER_TYPES = ['pass_fail', 'number', 'text'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const checklistItemSchema = z.object({
  id: z.string(),
  /** Stable across versions and copies: the same check at different members compares by it. */
  code: z.string(),
  section: z.string(),
  category: z.enum(CHECK_CATEGORIES),
  text: z.string(),
  answerType: z.enum(ANSWER_TYPES),
  unit: z.string().nullable(),
  /** A failure must carry at least one photo. */
  photoRequiredOnFail: z.boolean(),
  /** 1–10: how much the item counts in a score. */
  weight: z.number().int(),
  legalBasis: z.string().nullable(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const checklistSummarySchema = z.object({
  id: z.string(),
  /** All versions of one checklist share it. */
  familyId: z.string(),
  version: z.number().int(),
  /** Whether this is the newest version of its family. */
  latest: z.boolean(),
  name: z.string(),
  industry: z.string(),
  /** null: the platform library; otherwise the cooperative that keeps this copy. */
  cooperativeId: z.string().nullable(),
  /** The checklist (version) it was copied from. */
  copiedFromId: z.string().nullable(),
  itemCount: z.number().int(),
  /** Whether the caller may edit it (a new version) — platform templates only the platform admin. */
  canEdit: z.boolean(),
  createdAt: z.string(),
});
export type ChecklistSummary = z.infer<typeof checklistSummarySchema>;

export const checklistSchema = checklistSummarySchema.extend({ items: z.array(checklistItemSchema) });
export type Checklist = z.infer<typeof checklistSchema>;

export const checklistListSchema = z.object({ items: z.array(checklistSummarySchema) });

export const checklistQuerySchema = z
  .object({
    /** Only the platform library and this cooperative's copies. */
    cooperativeId: idSchema.optional(),
    /** Also older versions. */
    allVersions: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type ChecklistQuery = z.infer<typeof checklistQuerySchema>;

export const checklistItemInputSchema = z
  .object({
    /** Keep the code of an item being edited so results stay comparable; a new item gets one. */
    code: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/, '编号只能包含字母、数字、下划线和连字符')
      .optional(),
    section: textSchema(1, 40),
    category: z.enum(CHECK_CATEGORIES),
    text: textSchema(2, 300, { multiline: true }),
    answerType: z.enum(ANSWER_TYPES).default('pass_fail'),
    unit: textSchema(0, 16).nullable().optional(),
    photoRequiredOnFail: z.boolean().default(false),
    weight: z.number().int().min(1).max(10).default(1),
    legalBasis: textSchema(0, 200).nullable().optional(),
  })
  .strict();
export type ChecklistItemInput = z.infer<typeof checklistItemInputSchema>;

const itemsSchema = z
  .array(checklistItemInputSchema)
  .min(1)
  .max(300)
  .refine((items) => {
    const codes = items.map((i) => i.code).filter((c): c is string => !!c);
    return new Set(codes).size === codes.length;
  }, '检查项编号不能重复');

/** A cooperative's own checklist. */
export const createChecklistSchema = z
  .object({
    cooperativeId: idSchema,
    name: textSchema(1, 60),
    industry: textSchema(0, 40).optional(),
    items: itemsSchema,
  })
  .strict();
export type CreateChecklistBody = z.infer<typeof createChecklistSchema>;

/** A copy of a platform template (or another version) for a cooperative to edit. */
export const copyChecklistSchema = z
  .object({
    cooperativeId: idSchema,
    name: textSchema(1, 60).optional(),
  })
  .strict();
export type CopyChecklistBody = z.infer<typeof copyChecklistSchema>;

/** An edit: saved as a new version; inspections keep the version they used. */
export const updateChecklistSchema = z
  .object({
    name: textSchema(1, 60).optional(),
    industry: textSchema(0, 40).optional(),
    items: itemsSchema,
  })
  .strict();
export type UpdateChecklistBody = z.infer<typeof updateChecklistSchema>;
