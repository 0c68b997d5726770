// Calendar months as Beijing dates: `2026-12` → its first and last day, the next/previous month, a label.
import { shanghaiDate } from '../../../../shared/dates';

export const thisMonth = (now = new Date()): string => shanghaiDate(now).slice(0, 7);

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export const monthLabel = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
/** `12月7日 周一` for a Beijing date. */
export function dayLabel(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 周${WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]}`;
}
