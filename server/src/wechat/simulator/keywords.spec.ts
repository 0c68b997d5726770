import { checkKeywordValue, checkTemplateData, keywordType } from './keywords';

const ok = (key: string, value: string): boolean => checkKeywordValue(key, value) === null;

describe('subscribe-message keyword rules', () => {
  it('reads the type from the key', () => {
    expect(keywordType('thing12')).toBe('thing');
    expect(keywordType('character_string3')).toBe('character_string');
    expect(keywordType('phone_number1')).toBe('phone_number');
  });

  it('limits thing to 20 characters, counting Chinese as one each', () => {
    expect(ok('thing1', '一'.repeat(20))).toBe(true);
    expect(ok('thing1', '一'.repeat(21))).toBe(false);
    expect(ok('thing1', '😀'.repeat(20))).toBe(true);
  });

  it('refuses empty values and control characters everywhere', () => {
    expect(ok('thing1', '')).toBe(false);
    expect(ok('thing1', '第一行\n第二行')).toBe(false);
    expect(ok('unknowntype1', 'a\tb')).toBe(false);
    expect(checkKeywordValue('thing1', 42)).toMatch(/string/);
  });

  it.each([
    ['number1', '123.45', true],
    ['number1', '1'.repeat(33), false],
    ['number1', '12a', false],
    ['letter1', 'abcXYZ', true],
    ['letter1', 'abc1', false],
    ['character_string1', 'HZ-2026-0001', true],
    ['character_string1', '隐患-1', false],
    ['character_string1', 'a'.repeat(33), false],
    ['time1', '15:01', true],
    ['time1', '2026年11月29日 15:01', true],
    ['time1', '2026-11-29 15:01:02 ~ 2026-11-30 08:00', true],
    ['time1', '明天', false],
    ['date1', '2026年11月29日', true],
    ['date1', '2026-11-29 15:01', true],
    ['date1', '2026-11-29 ~ 2026-12-01', true],
    ['date1', '29/11/2026', false],
    ['phrase1', '待整改', true],
    ['phrase1', '已经完成整改', false],
    ['phrase1', 'done', false],
    ['name1', '张三', true],
    ['name1', 'Zhang San', true],
    ['name1', '张'.repeat(11), false],
    ['phone_number1', '+86 138-0000-0000', true],
    ['phone_number1', '1'.repeat(18), false],
    ['amount1', '¥100.50', true],
    ['amount1', '100元', true],
    ['amount1', '12345678901元', false],
    ['amount1', '¥¥100', false],
  ])('%s = %j → %s', (key, value, expected) => {
    expect(ok(key, value)).toBe(expected);
  });

  it('checks a whole data object and names the failing key', () => {
    expect(checkTemplateData({ thing1: { value: '厂房' }, time2: { value: '08:00' } })).toBeNull();
    expect(checkTemplateData({ thing1: { value: 'x'.repeat(21) } })).toMatch(/thing1/);
    expect(checkTemplateData({})).not.toBeNull();
    expect(checkTemplateData({ thing1: 'x' })).not.toBeNull();
    expect(checkTemplateData(null)).not.toBeNull();
  });
});
