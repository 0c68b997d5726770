import { randomBytes, randomInt } from 'node:crypto';
import { MANUAL_CODE_ALPHABET, MANUAL_CODE_LENGTH } from '../../../shared/schemas/workshops';

/** 192 random bits, base64url: 32 characters, unguessable, valid in a URL path and a mini-program scene. */
export function newQrToken(): string {
  return randomBytes(24).toString('base64url');
}

/** A short code from an alphabet without look-alikes (0/O, 1/I/L). */
export function newManualCode(): string {
  let s = '';
  for (let i = 0; i < MANUAL_CODE_LENGTH; i++) s += MANUAL_CODE_ALPHABET[randomInt(MANUAL_CODE_ALPHABET.length)];
  return s;
}

export const QR_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** Path of a label's link: `<PUBLIC_URL>/q/<token>`. */
export const qrPath = (token: string): string => `/q/${token}`;
