import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The formatting must not depend on the machine's zone. A process's zone is fixed when it starts (setting
// process.env.TZ inside Jest does not reach the clock), so each zone runs the cases in its own Node process.
const ZONES = ['America/New_York', 'UTC', 'Asia/Shanghai'];
const ROOT = path.resolve(__dirname, '..', '..');

const CASES = `
const { formatDate, formatDateTime } = require(${JSON.stringify(path.join(__dirname, 'time.ts'))});
console.log(JSON.stringify({
  offsetMinutes: new Date('2026-12-01T06:17:00Z').getTimezoneOffset(),
  utcExpiry: formatDateTime('2026-12-01T06:17:00.000Z'),
  offsetExpiry: formatDateTime('2026-12-01T14:17:00+08:00'),
  dateObject: formatDateTime(new Date(Date.UTC(2026, 11, 1, 6, 17))),
  newYear: formatDateTime('2026-12-31T16:30:00Z'),
  newYearDay: formatDate('2026-12-31T16:30:00Z'),
  lastSecond: formatDate('2026-12-31T15:59:59Z'),
  calendar: formatDate('2024-03-01'),
  missing: [formatDate(null), formatDateTime(undefined), formatDateTime('not a date')],
}));
`;

function runIn(zone: string): Record<string, unknown> {
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', CASES], {
    cwd: ROOT,
    env: { ...process.env, TZ: zone, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.json'), TS_NODE_COMPILER_OPTIONS: '{"module":"commonjs"}' },
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, unknown>;
}

jest.setTimeout(60_000);

describe.each(ZONES)('Beijing time on a machine set to %s', (zone) => {
  let r: Record<string, unknown>;
  beforeAll(() => {
    r = runIn(zone);
  });

  it('really runs in that zone (else the test would prove nothing)', () => {
    expect(r.offsetMinutes).toBe({ 'America/New_York': 300, UTC: 0, 'Asia/Shanghai': -480 }[zone]);
  });

  it('shows an invitation expiry the way a person in Beijing reads it: 06:17 UTC is 14:17', () => {
    expect(r.utcExpiry).toBe('2026-12-01 14:17');
    expect(r.offsetExpiry).toBe('2026-12-01 14:17');
    expect(r.dateObject).toBe('2026-12-01 14:17');
  });

  it('crosses midnight into the Beijing day', () => {
    expect(r.newYear).toBe('2027-01-01 00:30');
    expect(r.newYearDay).toBe('2027-01-01');
    expect(r.lastSecond).toBe('2026-12-31');
  });

  it('keeps calendar dates as they are and tolerates missing values', () => {
    expect(r.calendar).toBe('2024-03-01');
    expect(r.missing).toEqual(['', '', '']);
  });
});
