// Reading an invitation code from wherever it arrives: the `code` param, a mini-program code's `scene`,
// an ordinary QR code's `q` (the join URL, encoded once), or a scan result (bare code or URL).
const CODE_RE = /^[A-Z0-9]{8}$/;

function safeDecode(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}

/** A bare 8-char code, a `code=` pair, or a URL carrying `?code=`. */
export function extractInvitationCode(text: string | undefined | null): string | null {
  if (!text) return null;
  const raw = safeDecode(text.trim());
  const bare = raw.toUpperCase();
  if (CODE_RE.test(bare)) return bare;
  const m = /(?:^|[?&#/])code=([A-Za-z0-9]{8})(?![A-Za-z0-9])/.exec(raw);
  return m ? m[1].toUpperCase() : null;
}

export function invitationCodeFromParams(params: Partial<Record<string, string>>): string | null {
  return (
    extractInvitationCode(params.code) ??
    extractInvitationCode(params.scene ? safeDecode(params.scene) : null) ??
    extractInvitationCode(params.q ? safeDecode(params.q) : null)
  );
}

export function isInvitationCode(v: string): boolean {
  return CODE_RE.test(v);
}
