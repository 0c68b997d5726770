import type { z } from 'zod';
import { ApiError } from '../../../services/request';

export type FieldErrors = Record<string, string>;

/** zod's first message per field, for a form validated with the shared schema before sending. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.');
    if (!(key in out)) out[key] = issue.message;
  }
  return out;
}

/** The server's field errors (422), when it sent any. */
export function apiFieldErrors(e: unknown): FieldErrors {
  return e instanceof ApiError ? e.fields : {};
}
