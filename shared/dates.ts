// Calendar dates are Asia/Shanghai (UTC+8, no daylight saving), written YYYY-MM-DD.
const SHANGHAI_OFFSET_MS = 8 * 3600 * 1000;

export function shanghaiDate(at: Date): string {
  return new Date(at.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
