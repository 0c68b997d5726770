import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { addDays, shanghaiDate } from './dates';

describe('shanghaiDate', () => {
  it.each([
    // the boundary: 16:00 UTC is midnight in Shanghai (UTC+8)
    ['2026-11-29T15:59:59.999Z', '2026-11-29'],
    ['2026-11-29T16:00:00.000Z', '2026-11-30'],
    // the same UTC day spans two Shanghai days
    ['2026-11-29T00:00:00.000Z', '2026-11-29'],
    ['2026-11-28T16:00:00.000Z', '2026-11-29'],
    ['2026-11-28T15:59:59.999Z', '2026-11-28'],
    // month, year and leap-day rollovers happen at 16:00 UTC the day before
    ['2026-11-30T16:00:00.000Z', '2026-12-01'],
    ['2026-12-31T15:59:59.999Z', '2026-12-31'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01'],
    ['2028-02-28T16:00:00.000Z', '2028-02-29'],
    ['2028-02-29T16:00:00.000Z', '2028-03-01'],
    ['2026-02-28T16:00:00.000Z', '2026-03-01'],
  ])('%s is %s in Shanghai', (iso, date) => {
    expect(shanghaiDate(new Date(iso))).toBe(date);
  });

  it('reads an instant given with another offset the same way', () => {
    expect(shanghaiDate(new Date('2026-11-30T00:00:00+08:00'))).toBe('2026-11-30');
    expect(shanghaiDate(new Date('2026-11-29T23:59:59+08:00'))).toBe('2026-11-29');
    expect(shanghaiDate(new Date('2026-11-29T12:00:00-05:00'))).toBe('2026-11-30'); // 17:00Z
  });

  it('has no daylight saving: midsummer and midwinter boundaries are both 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-07-01T15:59:59.999Z'))).toBe('2026-07-01');
    expect(shanghaiDate(new Date('2026-07-01T16:00:00.000Z'))).toBe('2026-07-02');
    expect(shanghaiDate(new Date('2026-01-15T15:59:59.999Z'))).toBe('2026-01-15');
    expect(shanghaiDate(new Date('2026-01-15T16:00:00.000Z'))).toBe('2026-01-16');
  });
});

describe('addDays', () => {
  it.each<[string, number, string]>([
    ['2026-11-29', 0, '2026-11-29'],
    ['2026-11-29', 1, '2026-11-30'],
    ['2026-11-29', 7, '2026-12-06'],
    ['2026-11-29', 30, '2026-12-29'],
    // month ends
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-04-30', 1, '2026-05-01'],
    ['2026-01-31', 30, '2026-03-02'],
    // year end
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-12-25', 7, '2027-01-01'],
    ['2026-12-02', 30, '2027-01-01'],
    ['2026-01-01', 365, '2027-01-01'],
    ['2028-01-01', 365, '2028-12-31'], // 2028 is a leap year
    // leap days
    ['2028-02-28', 1, '2028-02-29'],
    ['2028-02-29', 1, '2028-03-01'],
    ['2028-02-28', 2, '2028-03-01'],
    ['2026-02-28', 1, '2026-03-01'], // not a leap year
    ['2000-02-28', 1, '2000-02-29'], // divisible by 400: leap
    ['2100-02-28', 1, '2100-03-01'], // divisible by 100 only: not leap
    ['2028-02-01', 30, '2028-03-02'],
    ['2026-02-01', 30, '2026-03-03'],
    // backwards
    ['2026-11-29', -1, '2026-11-28'],
    ['2027-01-01', -1, '2026-12-31'],
    ['2028-03-01', -1, '2028-02-29'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-01', -30, '2026-01-30'],
  ])('%s + %i days = %s', (date, days, want) => {
    expect(addDays(date, days)).toBe(want);
  });

  it('does not depend on the process time zone (run in a child process with a DST zone)', () => {
    // Jest gives tests a copy of process.env, so TZ cannot be changed in-process; transpile dates.ts and
    // run it under other zones. 2026-03-08 is the US daylight-saving start, 2026-03-29 the EU one.
    const js = ts.transpileModule(readFileSync(join(__dirname, 'dates.ts'), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const script = `
      const { addDays, shanghaiDate } = ((exports) => { ${js}; return exports; })({});
      process.stdout.write(JSON.stringify([
        addDays('2026-03-07', 1), addDays('2026-03-08', 1), addDays('2026-03-09', -1),
        addDays('2026-03-28', 1), addDays('2026-03-29', 1), addDays('2026-10-31', 2),
        shanghaiDate(new Date('2026-03-08T15:59:59.999Z')), shanghaiDate(new Date('2026-03-08T16:00:00.000Z')),
      ]));`;
    const expected = [
      '2026-03-08',
      '2026-03-09',
      '2026-03-08',
      '2026-03-29',
      '2026-03-30',
      '2026-11-02',
      '2026-03-08',
      '2026-03-09',
    ];
    for (const tz of ['America/Los_Angeles', 'Europe/Berlin', 'Asia/Shanghai', 'Pacific/Auckland', 'UTC']) {
      const out = execFileSync(process.execPath, ['-e', script], { env: { PATH: process.env.PATH, TZ: tz } });
      expect([tz, JSON.parse(out.toString('utf8'))]).toEqual([tz, expected]);
    }
  });

  it('a general hazard found at 23:30 Shanghai time is due 7 Shanghai days later', () => {
    const found = new Date('2026-11-29T15:30:00.000Z'); // 23:30 on the 29th in Shanghai
    expect(addDays(shanghaiDate(found), 7)).toBe('2026-12-06');
    const justAfter = new Date('2026-11-29T16:30:00.000Z'); // 00:30 on the 30th in Shanghai
    expect(addDays(shanghaiDate(justAfter), 7)).toBe('2026-12-07');
  });
});
