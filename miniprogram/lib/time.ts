// Every time a person sees is Beijing time (Asia/Shanghai, UTC+8, no daylight saving since 1991),
// whatever zone the phone or the PC is set to: computed from the instant, never from the local zone.
import { shanghaiDate } from '../../shared/dates';

const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

function parse(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** `2026-12-01 14:17` in Beijing time; '' for a missing or unreadable value. */
export function formatDateTime(value: string | Date | null | undefined): string {
  const d = value ? parse(value) : null;
  if (!d) return '';
  return new Date(d.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * `2026-12-01` for an instant (its Beijing calendar day). A bare calendar date (`YYYY-MM-DD`, as deadlines
 * and founding dates travel) is already a Beijing date and is returned as it is.
 */
export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = parse(value);
  return d ? shanghaiDate(d) : '';
}
