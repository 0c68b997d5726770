import { MANUAL_CODE_ALPHABET, MANUAL_CODE_LENGTH } from '../../../shared/schemas/workshops';
import { QR_TOKEN_PATTERN } from '../workshops/codes';

export type ParsedCode = { kind: 'token'; value: string } | { kind: 'manual'; value: string };

const MANUAL = new RegExp(`^[${MANUAL_CODE_ALPHABET}]{${MANUAL_CODE_LENGTH}}$`);
const LINK_PATH = /\/q\/([A-Za-z0-9_-]{32})\/?$/;

/**
 * What a scanned or typed code holds: the raw token, the label's link `<PUBLIC_URL>/q/<token>` (also
 * URL-encoded, as the mini-program receives it in `q`), the scan page's own link with `q=` or `scene=`,
 * a mini-program code's `scene` (the token), or the manual code (any case, spaces and dashes ignored).
 * Links of any host are read: a label printed before a domain change still names its workshop.
 */
export function parseScanCode(raw: string, depth = 0): ParsedCode | null {
  let s = raw.trim();
  if (depth > 2 || s === '') return null;
  if (/^https?%3A/i.test(s)) {
    try {
      s = decodeURIComponent(s);
    } catch {
      return null;
    }
  }
  if (QR_TOKEN_PATTERN.test(s)) return { kind: 'token', value: s };
  if (/^https?:\/\//i.test(s)) {
    let url: URL;
    try {
      url = new URL(s);
    } catch {
      return null;
    }
    const m = LINK_PATH.exec(url.pathname);
    if (m) return { kind: 'token', value: m[1] };
    const inner = url.searchParams.get('q') ?? url.searchParams.get('scene');
    return inner ? parseScanCode(inner, depth + 1) : null;
  }
  const manual = s.replace(/[\s-]/g, '').toUpperCase();
  if (MANUAL.test(manual)) return { kind: 'manual', value: manual };
  return null;
}
