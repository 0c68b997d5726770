// The NutUI components the settings subpackage uses, imported by path (only these are bundled, and only here).
import '@nutui/nutui-react-taro/dist/es/packages/button/style/style.css';

export { Button } from '@nutui/nutui-react-taro/dist/es/packages/button/button';
