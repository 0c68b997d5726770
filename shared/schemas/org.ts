import { z } from 'zod';
import { isValidCreditCode, normalizeCreditCode } from '../credit-code';
import { REGION_LEVELS } from '../enums';
import { meSchema } from './auth';
import { CONTROL_CHARS_MESSAGE, dateSchema, isCleanText, pageQuerySchema, phoneSchema, textSchema } from './common';

export const regionSchema = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(REGION_LEVELS),
  parentId: z.string().nullable(),
});
export type Region = z.infer<typeof regionSchema>;

/** A new region: a district (no parent) or a town under a district. */
export const createRegionSchema = z
  .object({
    name: textSchema(2, 60),
    parentId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type CreateRegionBody = z.infer<typeof createRegionSchema>;

export const creditCodeSchema = z
  .string()
  .transform(normalizeCreditCode)
  .refine(isValidCreditCode, '统一社会信用代码不正确（应为 18 位且校验位正确）');

export const cooperativeSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  industry: z.string(),
  leadEnterpriseId: z.string().nullable(),
  leadEnterpriseName: z.string().nullable(),
  foundedOn: z.string().nullable(),
  memberCount: z.number().int(),
  description: z.string().nullable(),
});
export type Cooperative = z.infer<typeof cooperativeSchema>;

export const createCooperativeSchema = z
  .object({
    name: textSchema(2, 80),
    regionId: z.string().min(1).max(64),
    industry: textSchema(1, 40),
    foundedOn: dateSchema.optional(),
    description: textSchema(0, 500, { multiline: true }).optional(),
  })
  .strict();
export type CreateCooperativeBody = z.infer<typeof createCooperativeSchema>;

export const cooperativeListQuerySchema = pageQuerySchema.extend({ regionId: z.string().max(64).optional() }).strict();

const enterpriseFields = {
  name: textSchema(2, 100),
  creditCode: creditCodeSchema,
  industry: textSchema(1, 40),
  address: textSchema(1, 200),
  headcount: z.number().int().min(0).max(100000),
  contactName: textSchema(1, 40),
  contactPhone: phoneSchema,
};

export const enterpriseInputSchema = z.object(enterpriseFields).strict();
export type EnterpriseInput = z.infer<typeof enterpriseInputSchema>;

export const createEnterpriseSchema = z
  .object({ ...enterpriseFields, cooperativeId: z.string().min(1).max(64), memberSince: dateSchema.optional() })
  .strict();
export type CreateEnterpriseBody = z.infer<typeof createEnterpriseSchema>;

export const updateEnterpriseSchema = z
  .object(enterpriseFields)
  .omit({ creditCode: true })
  .partial()
  .strict()
  .refine((v) => Object.keys(v).length > 0, '至少修改一项');
export type UpdateEnterpriseBody = z.infer<typeof updateEnterpriseSchema>;

export const membershipSchema = z.object({
  cooperativeId: z.string(),
  cooperativeName: z.string(),
  since: z.string(),
  until: z.string().nullable(),
  isLead: z.boolean(),
});

/** Full record: visible to the enterprise's own people, its coop admins, supervisors, admins. */
export const enterpriseSchema = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string(),
  industry: z.string(),
  address: z.string(),
  headcount: z.number().int(),
  contactName: z.string(),
  contactPhone: z.string(),
  regionId: z.string().nullable(),
  memberships: z.array(membershipSchema),
  createdAt: z.string(),
});
export type Enterprise = z.infer<typeof enterpriseSchema>;

/** Directory entry: what fellow members of a cooperative see of each other. */
export const directoryEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  industry: z.string(),
  address: z.string(),
  cooperativeId: z.string(),
  memberSince: z.string(),
  isLead: z.boolean(),
  /** Private fields: only present when the caller may read the full record. */
  creditCode: z.string().optional(),
  headcount: z.number().int().optional(),
  contactName: z.string().optional(),
  contactPhone: z.string().optional(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

export const enterpriseListQuerySchema = pageQuerySchema
  .extend({ cooperativeId: z.string().max(64).optional(), q: z.string().max(50).refine((v) => isCleanText(v), CONTROL_CHARS_MESSAGE).optional() })
  .strict();
export type EnterpriseListQuery = z.infer<typeof enterpriseListQuerySchema>;

export const createInvitationSchema = z
  .object({
    expiresInDays: z.number().int().min(1).max(90).default(14),
    maxUses: z.number().int().min(1).max(500).default(50),
    /** Issued for one pre-registered member enterprise: it then joins/claims only that enterprise. */
    enterpriseId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type CreateInvitationBody = z.infer<typeof createInvitationSchema>;

export const invitationSchema = z.object({
  code: z.string(),
  cooperativeId: z.string(),
  cooperativeName: z.string(),
  expiresAt: z.string(),
  maxUses: z.number().int(),
  uses: z.number().int(),
  joinUrl: z.string(),
  qrDataUrl: z.string(),
  revokedAt: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const invitationPreviewSchema = z.object({
  code: z.string(),
  cooperativeId: z.string(),
  cooperativeName: z.string(),
  regionName: z.string(),
  expiresAt: z.string(),
  valid: z.boolean(),
  /** Set when the invitation is for one enterprise (it then joins only that one). */
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const invitationListSchema = z.object({ items: z.array(invitationSchema) });
export type InvitationList = z.infer<typeof invitationListSchema>;

export const invitationCodeSchema = z.string().regex(/^[A-Z0-9]{8}$/, '邀请码为 8 位字母或数字');

/**
 * Join with an enterprise the caller already belongs to, or register a new one. An invitation issued
 * for one enterprise is accepted with `{enterpriseId}` of that enterprise (the preview names it): a
 * pre-registered enterprise is claimed only that way.
 */
export const acceptInvitationSchema = z.union([
  z.object({ enterpriseId: z.string().min(1).max(64) }).strict(),
  z.object({ enterprise: enterpriseInputSchema }).strict(),
]);
export type AcceptInvitationBody = z.infer<typeof acceptInvitationSchema>;

export const acceptInvitationResponseSchema = z.object({
  enterprise: enterpriseSchema,
  cooperativeId: z.string(),
  user: meSchema,
});
export type AcceptInvitationResponse = z.infer<typeof acceptInvitationResponseSchema>;
