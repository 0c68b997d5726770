// The rotating sign-in code an activity's organiser shows as a QR at the venue (docs/domain.md "Activity").
// code = "<window>.<mac>": the 30-second time window it was made in and an HMAC of (activity, window) under the
// activity's secret. A code is good in its own window and the next one (a scan that straddles a rotation
// still counts); an older one is expired, one with a wrong mac (or from the future) is forged. Pure: the
// HMAC itself is passed in (node:crypto on the server), so this file stays free of Node built-ins.

export const CHECKIN_WINDOW_MS = 30_000;
/** Hex characters of the HMAC kept in the code: 48 bits, far beyond guessing in a minute. */
export const CHECKIN_MAC_LENGTH = 12;
/** What a QR on the organiser's phone carries: a prefix the scanner recognises, the activity and the code. */
export const CHECKIN_QR_PREFIX = 'anquan-checkin';

/** HMAC-SHA256 (hex) of `message` under the activity's secret. */
export type CheckinMac = (message: string) => string;

export type CheckinVerdict = 'ok' | 'expired' | 'invalid';

export const checkinWindow = (nowMs: number): number => Math.floor(nowMs / CHECKIN_WINDOW_MS);

const macOf = (mac: CheckinMac, activityId: string, window: number): string =>
  mac(`${activityId}:${window}`).slice(0, CHECKIN_MAC_LENGTH).toLowerCase();

/** The code shown now and when the screen rotates to the next one. */
export function makeCheckinCode(mac: CheckinMac, activityId: string, nowMs: number): { code: string; expiresAt: Date } {
  const w = checkinWindow(nowMs);
  return { code: `${w}.${macOf(mac, activityId, w)}`, expiresAt: new Date((w + 1) * CHECKIN_WINDOW_MS) };
}

/** The current and the previous window pass; older is expired; a bad mac, a bad shape or a future window is invalid. */
export function verifyCheckinCode(mac: CheckinMac, activityId: string, code: string, nowMs: number): CheckinVerdict {
  const m = /^(\d{1,15})\.([0-9a-f]+)$/.exec(code.trim().toLowerCase());
  if (!m) return 'invalid';
  const w = Number(m[1]);
  const now = checkinWindow(nowMs);
  if (w > now || !constantTimeEqual(m[2], macOf(mac, activityId, w))) return 'invalid';
  return w >= now - 1 ? 'ok' : 'expired';
}

/** The QR text for an activity's code, and its reading back (a bare code is accepted too). */
export const checkinQrText = (activityId: string, code: string): string => `${CHECKIN_QR_PREFIX}:${activityId}:${code}`;

export function parseCheckinQr(text: string): { activityId: string | null; code: string } {
  const parts = text.trim().split(':');
  if (parts.length === 3 && parts[0] === CHECKIN_QR_PREFIX) return { activityId: parts[1], code: parts[2] };
  return { activityId: null, code: text.trim() };
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
