// What a scan page receives, turned into the one code `GET /api/scan` understands (it accepts the raw
// token, the `<PUBLIC_URL>/q/<token>` link, or a mini-program code's `scene`).

/** `q` (WeChat camera: the URL-encoded link; browser: the token) or `scene` (mini-program code). */
export function codeFromParams(params: Record<string, string | undefined>): string {
  const raw = params.q ?? params.scene ?? '';
  if (!raw) return '';
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** `wx.scanCode`: an ordinary QR gives `result`; a mini-program code gives `path` with `scene=`. */
export function codeFromScan(res: { result?: string; path?: string }): string {
  const path = res.path ?? '';
  const m = /[?&]scene=([^&]+)/.exec(path);
  if (m) return codeFromParams({ scene: m[1] });
  return (res.result ?? '').trim();
}
