import { configure } from '@nutui/icons-react-taro/dist/es/icons/configure.js';

// NutUI icons (search, clear, loading spinner, dialog close) render an <i> element by default. The
// mini-program has no template for <i> (that needs @tarojs/plugin-html) and would drop them: use <view>.
export function setupNutUI(): void {
  if (process.env.TARO_ENV === 'weapp') configure({ tag: 'view' });
}
