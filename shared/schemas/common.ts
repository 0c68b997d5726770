import { z } from 'zod';

export const idSchema = z.string().min(1).max(64);

/** A retried write's key (docs/api.md "Retried writes"): a client-generated UUID. */
export const clientIdSchema = z.string().uuid('clientId 须为 UUID');

/** Deep enough for any real list; a bound keeps OFFSET arithmetic exact (page=1e21 is refused). */
export const MAX_PAGE = 100_000;

export const pageQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodTypeAny>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.record(z.string()).optional(),
  }),
});

export const healthSchema = z.object({ status: z.enum(['ok', 'error']), db: z.enum(['up', 'down']) });
export type Health = z.infer<typeof healthSchema>;

/** Whether `YYYY-MM-DD` names a day that exists, in the years this product can mean (1900–2199). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2199 || mo < 1 || mo > 12 || d < 1) return false;
  // Day 0 of the next month is the last day of this one (leap years included).
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Calendar date in Asia/Shanghai, YYYY-MM-DD, a day that exists (no 2026-02-30, no 0000-00-00). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isRealDate, '日期不存在');

// C0 controls, DEL, and the bidi embeddings/overrides/isolates: invisible, able to reorder what people
// read, and refused later by WeChat message templates. Tab, LF and CR only in multi-line text.
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
const CONTROL_OR_BIDI_EXCEPT_NEWLINE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/;
export const CONTROL_CHARS_MESSAGE = '不能包含控制字符或文字方向控制符';

/** Whether a text is free of control and bidi characters (newlines allowed when `multiline`). */
export function isCleanText(value: string, multiline = false): boolean {
  return !(multiline ? CONTROL_OR_BIDI_EXCEPT_NEWLINE : CONTROL_OR_BIDI).test(value);
}

/**
 * Every human-readable text field (names, addresses, industries, descriptions): trimmed, bounded, and
 * refused (422) when it holds control or bidi characters. `multiline` allows \n, \r and \t.
 */
export function textSchema(min: number, max: number, opts: { multiline?: boolean } = {}) {
  return z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((v) => isCleanText(v, opts.multiline), CONTROL_CHARS_MESSAGE);
}

/** Mainland mobile or landline with area code. */
export const phoneSchema = z.string().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确');
