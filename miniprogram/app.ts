import { type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
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
  return children;
}

export default App;
