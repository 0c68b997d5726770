/** A short mention of a longer text in a notice (a hazard's description, a reason): at most `n` characters, with … when cut. */
export function clipText(s: string, n = 40): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
