// The h5 build sizes everything in rem (pxtransform). Taro's template sets the root font size with an
// inline <script>, which the server's CSP (script-src 'self') blocks: do the same from the bundle.
// On wide screens the app is a phone-width column (app.scss): size the rem base from that column, not from
// the window, or a desktop browser would show everything at double size.
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
