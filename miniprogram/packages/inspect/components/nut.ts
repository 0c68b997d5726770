// The NutUI components the inspect subpackage uses, imported by path (only these are bundled, and only here).
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/style.css';

export { Button } from '@nutui/nutui-react-taro/dist/es/packages/button/button';
export { Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell/cell';
export { CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup/cellgroup';
export { Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag/tag';
