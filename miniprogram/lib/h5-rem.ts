// The h5 build sizes everything in rem (pxtransform). Taro's template sets the root font size with an
// inline <script>, which the server's CSP (script-src 'self') blocks: do the same from the bundle.
export function installH5RootFontSize(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return;
  const apply = () => {
    const el = window.document.documentElement;
    const { width, height } = el.getBoundingClientRect();
    const w = Math.min(...[width, height].filter(Boolean));
    const x = (20 * w) / 375;
    el.style.fontSize = x >= 40 ? '40px' : x <= 20 ? '20px' : `${x}px`;
  };
  window.addEventListener('resize', () => {
    apply();
    setTimeout(apply, 500);
  });
  apply();
}
