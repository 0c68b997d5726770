import { computeLec, isLecInput, lecLevel, LEC_C_VALUES, LEC_E_VALUES, LEC_L_VALUES } from './lec';

describe('LEC calculator', () => {
  it('multiplies L × E × C', () => {
    expect(computeLec({ l: 6, e: 6, c: 15 })).toEqual({ d: 540, level: 'red' });
    expect(computeLec({ l: 3, e: 6, c: 7 })).toEqual({ d: 126, level: 'yellow' });
    expect(computeLec({ l: 1, e: 6, c: 7 })).toEqual({ d: 42, level: 'blue' });
    expect(computeLec({ l: 0.1, e: 0.5, c: 1 })).toEqual({ d: 0.05, level: 'blue' });
  });
  it('bands at 320, 160 and 70', () => {
    expect(lecLevel(321)).toBe('red');
    expect(lecLevel(320)).toBe('orange');
    expect(lecLevel(160)).toBe('orange');
    expect(lecLevel(159.9)).toBe('yellow');
    expect(lecLevel(70)).toBe('yellow');
    expect(lecLevel(69.9)).toBe('blue');
  });
  it('accepts only the listed values', () => {
    expect(isLecInput({ l: 6, e: 3, c: 40 })).toBe(true);
    expect(isLecInput({ l: 5, e: 3, c: 40 })).toBe(false);
    expect(isLecInput({ l: 6, e: 4, c: 40 })).toBe(false);
    expect(isLecInput({ l: 6, e: 3, c: 50 })).toBe(false);
  });
  it('every combination lands in a band', () => {
    for (const l of LEC_L_VALUES)
      for (const e of LEC_E_VALUES)
        for (const c of LEC_C_VALUES) expect(['red', 'orange', 'yellow', 'blue']).toContain(computeLec({ l, e, c }).level);
  });
});
