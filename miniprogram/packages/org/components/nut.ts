// The NutUI components the org subpackage uses, imported by path (on-demand: only these modules and their
// CSS are bundled, and only into this subpackage). The theme variables live in app.scss.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/cellgroup/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/searchbar/style/style.css';
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/style.css';

export { Button } from '@nutui/nutui-react-taro/dist/es/packages/button/button';
export { Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell/cell';
export { CellGroup } from '@nutui/nutui-react-taro/dist/es/packages/cellgroup/cellgroup';
export { Empty } from '@nutui/nutui-react-taro/dist/es/packages/empty/empty';
export { SearchBar } from '@nutui/nutui-react-taro/dist/es/packages/searchbar/searchbar';
export { Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag/tag';
