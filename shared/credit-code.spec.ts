import { creditCodeCheckChar, isValidCreditCode, normalizeCreditCode } from './credit-code';

// GB 32100-2015. Character values: 0-9 → 0-9, then A10 B11 C12 D13 E14 F15 G16 H17 J18 K19 L20 M21 N22
// P23 Q24 R25 T26 U27 W28 X29 Y30. Weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28.
// Check value = (31 - sum mod 31) mod 31. Every expected value below was computed once by hand and is a
// fixed literal; nothing here recomputes it.
const ALLOWED = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Real, published codes of well-known companies. */
const REAL_CODES: Array<[string, string]> = [
  // 深圳市腾讯计算机系统有限公司. values 9,1,4,4,0,3,0,0,7,0,8,4,6,1,1,3,6:
  // 9+3+36+108+0+78+0+0+140+0+200+52+48+24+10+90+168 = 966; 966 mod 31 = 5; 31-5 = 26 → 'T'
  ['深圳市腾讯计算机系统有限公司', '91440300708461136T'],
  // 华为技术有限公司. values 9,1,4,4,0,3,0,0,1,9,2,2,0,3,8,2,1:
  // 9+3+36+108+0+78+0+0+20+261+50+26+0+72+80+60+28 = 831; 831 mod 31 = 25; 31-25 = 6 → '6'
  ['华为技术有限公司', '914403001922038216'],
  // 小米科技有限责任公司. values 9,1,1,1,0,1,0,8,5,5,1,3,8,5,0,8,2:
  // 9+3+9+27+0+26+0+136+100+145+25+39+64+120+0+240+56 = 999; 999 mod 31 = 7; 31-7 = 24 → 'Q'
  ['小米科技有限责任公司', '91110108551385082Q'],
  // 中国石油化工股份有限公司. values 9,1,1,1,0,0,0,0,7,1,0,9,2,6,0,9,4:
  // 9+3+9+27+0+0+0+0+140+29+0+117+16+144+0+270+112 = 876; 876 mod 31 = 8; 31-8 = 23 → 'P'
  ['中国石油化工股份有限公司', '91110000710926094P'],
];

/** Made-up codes (Donggang district prefix 371102) chosen to hit the edges of the check formula. */
const EDGE_CODES: Array<[string, string]> = [
  // values 9,1,3,7,1,1,0,2,21,10,0,0,0,0,0,1,8: sum 1271 = 41×31, mod 31 = 0 → 31 → wraps to '0'
  ['sum ≡ 0 (mod 31): the 31 → 0 wrap', '91371102MA00000180'],
  // values 9,1,3,7,1,1,0,2,21,10,0,0,0,0,0,0,8: sum 1241, mod 31 = 1 → 30 → 'Y', the last character
  ['sum ≡ 1 (mod 31): check value 30', '91371102MA0000008Y'],
  // values 9,1,3,7,1,1,0,2,21,10,0,0,0,0,0,2,8: sum 1301, mod 31 = 30 → 1 → '1'
  ['sum ≡ 30 (mod 31): check value 1', '91371102MA00000281'],
];

describe('creditCodeCheckChar', () => {
  it.each(REAL_CODES)('computes the published check character of %s (%s)', (_name, code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it.each(EDGE_CODES)('handles %s (%s)', (_name, code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('gives exact literal values for a few bodies', () => {
    expect(creditCodeCheckChar('91440300708461136')).toBe('T');
    expect(creditCodeCheckChar('91371102MA0000018')).toBe('0');
    expect(creditCodeCheckChar('91371102MA0000008')).toBe('Y');
    // all zeros: sum 0 → 31 → '0'
    expect(creditCodeCheckChar('00000000000000000')).toBe('0');
    // a single 1 in the first position (weight 1): sum 1 → 30 → 'Y'
    expect(creditCodeCheckChar('10000000000000000')).toBe('Y');
  });

  it('returns null unless given exactly 17 characters', () => {
    expect(creditCodeCheckChar('')).toBeNull();
    expect(creditCodeCheckChar('9144030070846113')).toBeNull(); // 16
    expect(creditCodeCheckChar('91440300708461136T')).toBeNull(); // 18
  });

  it.each(['I', 'O', 'S', 'V', 'Z', 'a', ' ', '-'])('returns null when the body holds %j', (bad) => {
    expect(creditCodeCheckChar(`9144030070846113${bad}`)).toBeNull();
    expect(creditCodeCheckChar(`${bad}1440300708461136`)).toBeNull();
  });
});

describe('isValidCreditCode', () => {
  it.each([...REAL_CODES, ...EDGE_CODES])('accepts %s (%s)', (_name, code) => {
    expect(isValidCreditCode(code)).toBe(true);
  });

  it.each(REAL_CODES)('rejects every single-character change of %s (%s)', (_name, code) => {
    let tried = 0;
    for (let i = 0; i < code.length; i++) {
      for (const ch of ALLOWED) {
        if (ch === code[i]) continue;
        const mutated = code.slice(0, i) + ch + code.slice(i + 1);
        tried++;
        if (isValidCreditCode(mutated)) throw new Error(`mutation accepted at ${i}: ${mutated}`);
      }
    }
    expect(tried).toBe(18 * 30);
  });

  it('rejects a wrong check character', () => {
    expect(isValidCreditCode('91440300708461136U')).toBe(false);
    expect(isValidCreditCode('914403001922038217')).toBe(false);
    // the wrap: 'Y' or '1' would be the off-by-one answers where '0' is right
    expect(isValidCreditCode('91371102MA0000018Y')).toBe(false);
    expect(isValidCreditCode('91371102MA00000181')).toBe(false);
  });

  it('rejects lowercase (normalise first)', () => {
    expect(isValidCreditCode('91440300708461136t')).toBe(false);
    expect(isValidCreditCode('91110108551385082q')).toBe(false);
    expect(isValidCreditCode('91371102ma00000180')).toBe(false);
  });

  it.each(['I', 'O', 'S', 'V', 'Z'])('rejects the excluded letter %s in any position', (letter) => {
    // body position: the check character of a body with a bad letter cannot be computed
    expect(isValidCreditCode(`91371102M${letter}00000180`)).toBe(false);
    // check position
    expect(isValidCreditCode(`91440300708461136${letter}`)).toBe(false);
  });

  it('rejects wrong lengths', () => {
    expect(isValidCreditCode('')).toBe(false);
    expect(isValidCreditCode('91440300708461136')).toBe(false); // 17: the body alone
    expect(isValidCreditCode('91440300708461136TT')).toBe(false); // 19
    expect(isValidCreditCode('091440300708461136T')).toBe(false); // 19
    // the 15-digit registration numbers of the old system are not credit codes
    expect(isValidCreditCode('440301103062788')).toBe(false);
  });

  it('rejects spaces and separators anywhere', () => {
    expect(isValidCreditCode(' 91440300708461136T')).toBe(false);
    expect(isValidCreditCode('91440300708461136T ')).toBe(false);
    expect(isValidCreditCode('914403007 08461136T')).toBe(false);
    expect(isValidCreditCode('914403007-08461136T')).toBe(false);
    expect(isValidCreditCode('91440300708461136\n')).toBe(false);
  });

  it('rejects full-width characters', () => {
    expect(isValidCreditCode('９1440300708461136T')).toBe(false);
    expect(isValidCreditCode('91440300708461136Ｔ')).toBe(false);
  });
});

describe('normalizeCreditCode', () => {
  it('uppercases and trims', () => {
    expect(normalizeCreditCode('91440300708461136t')).toBe('91440300708461136T');
    expect(normalizeCreditCode('  91371102ma00000180\t')).toBe('91371102MA00000180');
    expect(normalizeCreditCode('\n91110108551385082q \n')).toBe('91110108551385082Q');
  });

  it('leaves a normalised code as it is', () => {
    expect(normalizeCreditCode('914403001922038216')).toBe('914403001922038216');
  });

  it('does not remove inner spaces', () => {
    expect(normalizeCreditCode(' 914403007 08461136t ')).toBe('914403007 08461136T');
  });

  it('turns a lowercase valid code into a valid one', () => {
    const input = ' 91371102ma0000008y ';
    expect(isValidCreditCode(input)).toBe(false);
    expect(isValidCreditCode(normalizeCreditCode(input))).toBe(true);
  });
});
