import { codeFromParams, codeFromScan } from './scan-code';

describe('scan codes', () => {
  it('decodes the WeChat camera q (URL-encoded link) and passes a bare token', () => {
    expect(codeFromParams({ q: encodeURIComponent('https://aq.example.cn/q/Ab3_x') })).toBe('https://aq.example.cn/q/Ab3_x');
    expect(codeFromParams({ q: 'Ab3_x' })).toBe('Ab3_x');
    expect(codeFromParams({ scene: 'Ab3_x' })).toBe('Ab3_x');
    expect(codeFromParams({})).toBe('');
    // a stray % is kept rather than throwing
    expect(codeFromParams({ q: '%E0%A4%A' })).toBe('%E0%A4%A');
  });
  it('reads the scene from a mini-program code and the text of an ordinary QR', () => {
    expect(codeFromScan({ result: 'https://aq.example.cn/q/tok', path: '' })).toBe('https://aq.example.cn/q/tok');
    expect(codeFromScan({ result: '', path: 'packages/inspect/pages/scan/index?scene=tok123' })).toBe('tok123');
  });
});
