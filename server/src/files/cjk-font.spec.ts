import { CjkFont } from './cjk-font';
import { stampTime } from './photo';

describe('CjkFont (Noto Sans SC from npm)', () => {
  const font = CjkFont.regular();
  it('cuts a text into runs by the file that covers each character, and loses none', () => {
    const text = '日照市溶解乙炔气厂 · 乙炔充装车间 ABC2345';
    const runs = font.runs(text);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.length).toBeGreaterThan(1);
    for (const r of runs) for (const ch of r.text) if (ch.trim()) expect(font.font(r.key).hasGlyphForCodePoint(ch.codePointAt(0) ?? 0)).toBe(true);
  });
  it('draws text as outlines with a width that grows with the text', () => {
    expect(font.width('车间', 20)).toBeGreaterThan(35);
    expect(font.width('车间车间', 20)).toBeCloseTo(2 * font.width('车间', 20), 5);
    expect(font.svgPath('车间', 20, 0, 20)).toMatch(/^M[\d.-]/);
  });
});

describe('stampTime', () => {
  it('is Beijing time (UTC+8, no daylight saving)', () => {
    expect(stampTime(new Date('2026-12-01T16:30:00Z'))).toBe('2026-12-02 00:30');
    expect(stampTime(new Date('2026-07-01T01:05:59Z'))).toBe('2026-07-01 09:05');
  });
});
