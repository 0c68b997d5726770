import { normalizeUsername } from './auth';
import { dateSchema, isCleanText, isRealDate, pageQuerySchema, textSchema } from './common';

describe('isRealDate / dateSchema', () => {
  it.each(['2026-01-01', '2024-02-29', '2000-02-29', '2026-12-31', '1900-01-01', '2199-12-31'])('%s is a day', (d) => {
    expect(isRealDate(d)).toBe(true);
    expect(dateSchema.safeParse(d).success).toBe(true);
  });
  it.each(['2026-02-30', '2026-13-45', '9999-99-99', '0000-00-00', '2025-02-29', '1900-02-29', '2026-04-31', '2026-00-01', '2026-01-00', '1899-12-31', '2200-01-01', '2026-1-1', ' 2026-01-01', '2026-01-01T00:00'])(
    '%s is not',
    (d) => {
      expect(isRealDate(d)).toBe(false);
      expect(dateSchema.safeParse(d).success).toBe(false);
    },
  );
});

describe('isCleanText / textSchema', () => {
  const hex = (ch: string): string => (ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0');
  it.each(['\u0000', '\u0001', '\t', '\n', '\r', '\u001f', '\u007f', '\u202a', '\u202e', '\u2066', '\u2069'].map((ch) => [hex(ch), ch]))('refuses U+%s in one-line text', (_, ch) => {
    expect(isCleanText(`a${ch}b`)).toBe(false);
    expect(textSchema(1, 10).safeParse(`a${ch}b`).success).toBe(false);
  });
  it('multi-line text allows tab, LF and CR only', () => {
    expect(isCleanText('a\tb\r\nc', true)).toBe(true);
    expect(isCleanText('a\u0000b', true)).toBe(false);
    expect(isCleanText('a\u202eb', true)).toBe(false);
  });
  it('keeps ordinary Chinese text, trims, bounds', () => {
    expect(textSchema(2, 10).parse('  日照青亚食品  ')).toBe('日照青亚食品');
    expect(textSchema(2, 3).safeParse('四个字符').success).toBe(false);
    expect(isCleanText('\u200d\u00a0全角　空格')).toBe(true);
  });
});

describe('pageQuerySchema', () => {
  it.each(['1e21', '100001', '0', '-1', '1.5'])('page=%s is refused', (page) => {
    expect(pageQuerySchema.safeParse({ page }).success).toBe(false);
  });
  it('page=100000 is the last page allowed', () => {
    expect(pageQuerySchema.parse({ page: '100000' }).page).toBe(100000);
  });
});

describe('normalizeUsername', () => {
  it.each([
    ['DEMO-ADMIN', 'demo-admin'],
    [' demo-admin ', 'demo-admin'],
    ['ｄｅｍｏ-admin', 'demo-admin'],
    ['\u3000Demo-Admin\u3000', 'demo-admin'],
    ['straße', 'straße'],
  ])('%j → %j', (raw, normal) => {
    expect(normalizeUsername(raw)).toBe(normal);
  });
  it('is idempotent', () => {
    for (const raw of ['ＡＢＣ', ' x.Y_z ', 'ǅ']) expect(normalizeUsername(normalizeUsername(raw))).toBe(normalizeUsername(raw));
  });
});
