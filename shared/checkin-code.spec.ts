import { createHmac } from 'node:crypto';
import { CHECKIN_WINDOW_MS, checkinQrText, makeCheckinCode, parseCheckinQr, verifyCheckinCode } from './checkin-code';

const mac = (secret: string) => (m: string) => createHmac('sha256', secret).update(m).digest('hex');
const T0 = Date.UTC(2026, 11, 6, 2, 0, 0); // a window boundary (divisible by 30 s)

describe('rotating check-in code', () => {
  it('changes every 30 s and tells when it rotates', () => {
    const a = makeCheckinCode(mac('s'), 'act1', T0);
    const b = makeCheckinCode(mac('s'), 'act1', T0 + 29_999);
    const c = makeCheckinCode(mac('s'), 'act1', T0 + CHECKIN_WINDOW_MS);
    expect(a.code).toBe(b.code);
    expect(c.code).not.toBe(a.code);
    expect(a.expiresAt.getTime()).toBe(T0 + CHECKIN_WINDOW_MS);
    expect(a.code).toMatch(/^\d+\.[0-9a-f]{12}$/);
  });

  it('is good in its window and the next one, expired after', () => {
    const { code } = makeCheckinCode(mac('s'), 'act1', T0 + 5_000);
    expect(verifyCheckinCode(mac('s'), 'act1', code, T0 + 5_000)).toBe('ok');
    expect(verifyCheckinCode(mac('s'), 'act1', code, T0 + 59_999)).toBe('ok');
    expect(verifyCheckinCode(mac('s'), 'act1', code, T0 + 60_000)).toBe('expired');
    expect(verifyCheckinCode(mac('s'), 'act1', code, T0 + 3_600_000)).toBe('expired');
  });

  it('refuses forged codes: another activity, another secret, a changed mac, a future window, junk', () => {
    const { code } = makeCheckinCode(mac('s'), 'act1', T0);
    expect(verifyCheckinCode(mac('s'), 'act2', code, T0)).toBe('invalid');
    expect(verifyCheckinCode(mac('other'), 'act1', code, T0)).toBe('invalid');
    const [w, m] = code.split('.');
    const flipped = `${w}.${m.slice(0, -1)}${m.endsWith('0') ? '1' : '0'}`;
    expect(verifyCheckinCode(mac('s'), 'act1', flipped, T0)).toBe('invalid');
    const future = makeCheckinCode(mac('s'), 'act1', T0 + 2 * CHECKIN_WINDOW_MS).code;
    expect(verifyCheckinCode(mac('s'), 'act1', future, T0)).toBe('invalid');
    for (const junk of ['', '123', 'abc.def', `${w}.`, `${w}.${m}.x`]) expect(verifyCheckinCode(mac('s'), 'act1', junk, T0)).toBe('invalid');
    // an old code with a forged mac is forged, not merely expired
    expect(verifyCheckinCode(mac('s'), 'act1', `${Number(w) - 10}.${m}`, T0)).toBe('invalid');
  });

  it('reads its QR text back, and a bare code', () => {
    expect(parseCheckinQr(checkinQrText('a-1', '123.abc'))).toEqual({ activityId: 'a-1', code: '123.abc' });
    expect(parseCheckinQr(' 123.abc ')).toEqual({ activityId: null, code: '123.abc' });
  });
});
