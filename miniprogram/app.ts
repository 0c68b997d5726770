import { type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { installH5RootFontSize } from './lib/h5-rem';
import { installPrivacyListener } from './services/privacy';
import './app.scss';

installH5RootFontSize();

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installPrivacyListener();
  });
  return children;
}

export default App;
