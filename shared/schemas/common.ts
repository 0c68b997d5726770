import { z } from 'zod';

export const idSchema = z.string().min(1).max(64);

export const pageQuerySchema = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
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

/** Calendar date in Asia/Shanghai, YYYY-MM-DD. */
export const dateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Mainland mobile or landline with area code. */
export const phoneSchema = z.string().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确');
