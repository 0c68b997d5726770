import { z } from 'zod';
import { ROLES } from '../enums';
import { textSchema } from './common';

/**
 * The one spelling of a username, applied on create and on login alike (both databases then compare
 * bytes): NFKC folds full-width letters (ｄｅｍｏ → demo) and spaces, trim drops the edges, lower case
 * last. So `DEMO-ADMIN`, ` demo-admin ` and `ｄｅｍｏ-admin` ARE demo-admin; no other stored spelling matches.
 */
export function normalizeUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}
const usernameInput = z.string().max(256).transform(normalizeUsername);

export const grantSchema = z
  .object({
    role: z.enum(ROLES),
    cooperativeId: z.string().max(64).nullish(),
    enterpriseId: z.string().max(64).nullish(),
    regionId: z.string().max(64).nullish(),
  })
  .strict();
export type GrantDto = z.infer<typeof grantSchema>;

export const meSchema = z.object({
  id: z.string(),
  name: z.string(),
  username: z.string().nullable(),
  hasWechat: z.boolean(),
  /** Bound with WeChat's getPhoneNumber button; null until then. The owner always sees it in full. */
  phone: z.string().nullable(),
  roles: z.array(grantSchema),
});
export type Me = z.infer<typeof meSchema>;

/** POST /api/me/phone: the code of the getPhoneNumber button (e.detail.code, 5 minutes, once). */
export const bindPhoneSchema = z.object({ code: z.string().min(1).max(128) }).strict();
export type BindPhoneBody = z.infer<typeof bindPhoneSchema>;

export const wechatLoginSchema = z.object({ code: z.string().min(1).max(128) }).strict();
export type WechatLoginBody = z.infer<typeof wechatLoginSchema>;

export const passwordLoginSchema = z
  .object({ username: usernameInput.pipe(z.string().min(1).max(64)), password: z.string().min(1).max(128) })
  .strict();
export type PasswordLoginBody = z.infer<typeof passwordLoginSchema>;

export const loginResponseSchema = z.object({ token: z.string(), expiresAt: z.string(), user: meSchema });
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const createUserSchema = z
  .object({
    username: usernameInput.pipe(
      z
        .string()
        .min(3)
        .max(64)
        .regex(/^[a-z0-9_.-]+$/, '用户名只能包含字母、数字、下划线、点和短横线'),
    ),
    password: z.string().min(8, '密码至少 8 位').max(128),
    name: textSchema(1, 40),
    roles: z.array(grantSchema).min(1).max(10),
  })
  .strict();
export type CreateUserBody = z.infer<typeof createUserSchema>;
