import { z } from 'zod';
import { RISK_LEVELS, type RiskLevel } from '../enums';
import { isLecInput } from '../lec';
import { idSchema, textSchema } from './common';

export const RISK_LEVEL_LABELS: Record<RiskLevel, string> = {
  red: '重大风险',
  orange: '较大风险',
  yellow: '一般风险',
  blue: '低风险',
};

/** Label colours (the national four-colour risk map). */
export const RISK_LEVEL_COLORS: Record<RiskLevel, string> = {
  red: '#E02020',
  orange: '#FA8C16',
  yellow: '#FADB14',
  blue: '#1677FF',
};

const LEC_MESSAGE = 'L、E、C 须取作业条件危险性评价法的标准分值';

/** LEC inputs: each one of the method's listed values; D and the level are computed by the server. */
export const lecInputSchema = z
  .object({
    l: z.number(),
    e: z.number(),
    c: z.number(),
  })
  .strict()
  .refine(isLecInput, LEC_MESSAGE);
export type LecInputBody = z.infer<typeof lecInputSchema>;

export const lecSchema = z.object({ l: z.number(), e: z.number(), c: z.number(), d: z.number() });
export type Lec = z.infer<typeof lecSchema>;

/** Manual code alphabet: no 0/O, 1/I/L, so it can be read off a label and typed. */
export const MANUAL_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const MANUAL_CODE_LENGTH = 7;

export const workshopSchema = z.object({
  id: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string(),
  name: z.string(),
  location: z.string(),
  responsiblePerson: z.string(),
  riskLevel: z.enum(RISK_LEVELS),
  /** LEC inputs and D when the level was computed; null when set by hand. */
  lec: lecSchema.nullable(),
  /** Short code to type when scanning is impossible. */
  manualCode: z.string(),
  /** The link the QR label holds (`<PUBLIC_URL>/q/<token>`); only for those who manage the workshop. */
  qrUrl: z.string().optional(),
  /** Whether the caller may edit it, rotate its token and print labels. */
  canManage: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Workshop = z.infer<typeof workshopSchema>;

const workshopFields = {
  name: textSchema(1, 60),
  location: textSchema(0, 120),
  responsiblePerson: textSchema(0, 40),
  riskLevel: z.enum(RISK_LEVELS),
  lec: lecInputSchema,
};

/**
 * New workshop: either `riskLevel` by hand or `lec` (then the level is computed from D; a `riskLevel`
 * sent with `lec` must agree with it).
 */
export const createWorkshopSchema = z
  .object({
    name: workshopFields.name,
    location: workshopFields.location.optional(),
    responsiblePerson: workshopFields.responsiblePerson.optional(),
    riskLevel: workshopFields.riskLevel.optional(),
    lec: workshopFields.lec.optional(),
  })
  .strict()
  .refine((v) => v.riskLevel !== undefined || v.lec !== undefined, {
    message: '请选择风险等级或填写 LEC 评价',
    path: ['riskLevel'],
  });
export type CreateWorkshopBody = z.infer<typeof createWorkshopSchema>;

/** Edit: any field; `lec: null` drops the LEC inputs (then `riskLevel` stays or is given). */
export const updateWorkshopSchema = z
  .object({
    name: workshopFields.name,
    location: workshopFields.location,
    responsiblePerson: workshopFields.responsiblePerson,
    riskLevel: workshopFields.riskLevel,
    lec: workshopFields.lec.nullable(),
  })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, '至少修改一项');
export type UpdateWorkshopBody = z.infer<typeof updateWorkshopSchema>;

export const workshopListSchema = z.object({ items: z.array(workshopSchema) });

/** Where the h5 build and the mini-program handle a scanned label (`q` = the token or the URL-encoded link). */
export const SCAN_PAGE_PATH = '/packages/inspect/pages/scan/index';

export const scanQuerySchema = z.object({ code: z.string().trim().min(1).max(512) }).strict();

export const scanActionSchema = z.discriminatedUnion('type', [
  /** Start a self patrol (日巡查) of this workshop: the caller works at its enterprise. */
  z.object({ type: z.literal('start_self_patrol'), workshopId: z.string() }),
  /** Continue the mutual round the caller is assigned to at this host. */
  z.object({ type: z.literal('continue_inspection'), inspectionId: z.string(), workshopId: z.string() }),
]);
export type ScanAction = z.infer<typeof scanActionSchema>;

export const scanResultSchema = z.object({
  workshop: z.object({
    id: z.string(),
    name: z.string(),
    location: z.string(),
    riskLevel: z.enum(RISK_LEVELS),
  }),
  enterprise: z.object({ id: z.string(), name: z.string() }),
  actions: z.array(scanActionSchema),
});
export type ScanResult = z.infer<typeof scanResultSchema>;

export const workshopIdParamSchema = z.object({ id: idSchema });
