import type { Page, PageQuery } from '../../../shared/schemas/common';

export function pageResult<T>(items: T[], total: number, q: PageQuery): Page<T> {
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export const offsetOf = (q: PageQuery): number => (q.page - 1) * q.pageSize;

/** Escapes LIKE wildcards in user search text; use with `ESCAPE '!'` (a backslash means different things in MySQL and SQLite). */
export const likePattern = (text: string): string => `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
