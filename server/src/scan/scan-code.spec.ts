import { parseScanCode } from './scan-code';

const TOKEN = 'Ab3_-xYz0123456789abcdefghijKLMN';

describe('parseScanCode', () => {
  it('reads the raw token (a mini-program scene is the token)', () => {
    expect(parseScanCode(TOKEN)).toEqual({ kind: 'token', value: TOKEN });
    expect(parseScanCode(`  ${TOKEN}\n`)).toEqual({ kind: 'token', value: TOKEN });
  });
  it('reads the label link, plain or URL-encoded, any host', () => {
    expect(parseScanCode(`https://aq.example.cn/q/${TOKEN}`)).toEqual({ kind: 'token', value: TOKEN });
    expect(parseScanCode(encodeURIComponent(`https://aq.example.cn/app/q/${TOKEN}`))).toEqual({ kind: 'token', value: TOKEN });
    expect(parseScanCode(`http://localhost:3000/q/${TOKEN}/`)).toEqual({ kind: 'token', value: TOKEN });
  });
  it('reads the scan page link with q= or scene=', () => {
    expect(parseScanCode(`https://x.cn/packages/inspect/pages/scan/index?q=${TOKEN}`)).toEqual({ kind: 'token', value: TOKEN });
    const q = encodeURIComponent(`https://x.cn/q/${TOKEN}`);
    expect(parseScanCode(`https://x.cn/packages/inspect/pages/scan/index?q=${q}`)).toEqual({ kind: 'token', value: TOKEN });
    expect(parseScanCode(`https://x.cn/packages/inspect/pages/scan/index?scene=${TOKEN}`)).toEqual({ kind: 'token', value: TOKEN });
  });
  it('reads the manual code in any case with spaces or dashes', () => {
    expect(parseScanCode('abc-23 45')).toEqual({ kind: 'manual', value: 'ABC2345' });
    expect(parseScanCode('ABC2345')).toEqual({ kind: 'manual', value: 'ABC2345' });
  });
  it('refuses everything else', () => {
    for (const bad of ['', 'hello', 'ABC1234' /* 1 is not in the alphabet */, `${TOKEN}x`, 'https://x.cn/other', 'https://x.cn/q/short', '%E0%A4%A', 'javascript:alert(1)']) {
      expect(parseScanCode(bad)).toBeNull();
    }
  });
});
