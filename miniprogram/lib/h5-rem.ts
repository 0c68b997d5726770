// The h5 build sizes everything in rem (pxtransform). Taro's template sets the root font size with an
// inline <script>, which the server's CSP (script-src 'self') blocks: do the same from the bundle.
// The phone design is sized from a column at most 480 px wide, also on a desk (app.scss lays wide screens out
// with a side navigation and tables instead of scaling the phone design up to double size).
const MAX_APP_WIDTH = 480;

export function installH5RootFontSize(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return;
  const apply = () => {
    const el = window.document.documentElement;
    const { width, height } = el.getBoundingClientRect();
    const w = Math.min(MAX_APP_WIDTH, ...[width, height].filter(Boolean));
    const x = (20 * w) / 375;
    el.style.fontSize = x >= 40 ? '40px' : x <= 20 ? '20px' : `${x}px`;
  };
  window.addEventListener('resize', () => {
    apply();
    setTimeout(apply, 500);
  });
  apply();
}
