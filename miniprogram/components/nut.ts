// The NutUI components main-package pages use, imported by path (on-demand: only these modules and their
// CSS are bundled). Keep this list short: everything here counts against the main package.
// Subpackages import their own list (packages/org/components/nut.ts). Theme variables live in app.scss.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/style.css';

export { Button } from '@nutui/nutui-react-taro/dist/es/packages/button/button';
export { Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell/cell';
export { CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup/cellgroup';
