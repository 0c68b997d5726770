// Taro's h5 tab bar renders its items as <a href="javascript:;">. Following such a link is script
// execution, which the server's CSP (script-src 'self') refuses, logging a violation on every tap. The tab
// bar's own click handler does the navigation, so cancelling the link's default action loses nothing.
export function installH5JavascriptLinkGuard(): void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return;
  document.addEventListener(
    'click',
    (e) => {
      const target = e.target instanceof Element ? e.target.closest('a[href^="javascript:"]') : null;
      if (target) e.preventDefault();
    },
    true,
  );
}
