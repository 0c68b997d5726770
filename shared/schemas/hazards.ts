import { z } from 'zod';
import { FINDING_SOURCES, HAZARD_LEVELS, HAZARD_STATUSES } from '../enums';
import { FIX_MODES } from '../deadlines';
import { CHECK_CATEGORIES } from './checklists';

export const HAZARD_EVENT_KINDS = [
  'reported',
  'plan_submitted',
  'rectification_submitted',
  'accepted',
  'rejected',
  'extended',
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
});
export type Hazard = z.infer<typeof hazardSchema>;

export const hazardDetailSchema = hazardSchema.extend({ events: z.array(hazardEventSchema) });
export type HazardDetail = z.infer<typeof hazardDetailSchema>;

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
