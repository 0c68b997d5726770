import { createElement, Fragment, type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { DeskNav } from './components/desk-nav';
import { installH5JavascriptLinkGuard } from './lib/h5-links';
import { installH5RootFontSize } from './lib/h5-rem';
import { setupNutUI } from './lib/nutui-setup';
import { installPrivacyListener } from './services/privacy';
import './app.scss';

installH5RootFontSize();
installH5JavascriptLinkGuard();
setupNutUI();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyListener();
  });
  // the browser build's desk navigation sits beside the pages (renders nothing in the mini-program)
  return process.env.TARO_ENV === 'h5' ? createElement(Fragment, null, children, createElement(DeskNav)) : children;
}

export default App;
