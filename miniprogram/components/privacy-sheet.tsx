import { Button, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { answerPrivacy, openPrivacyContract, subscribePrivacySheet } from '../services/privacy';
import './privacy-sheet.scss';

export interface PrivacySheetProps {
  /** What the pending feature needs, e.g. "扫码需要使用摄像头". */
  purpose: string;
}

const AGREE_ID = 'privacy-agree';

/** WeChat privacy consent sheet. Renders nothing on h5 and until WeChat asks for consent. */
export function PrivacySheet({ purpose }: PrivacySheetProps) {
  const [open, setOpen] = useState(false);
  useEffect(() => subscribePrivacySheet(setOpen), []);
  if (process.env.TARO_ENV !== 'weapp' || !open) return null;
  return (
    <View className='privacy-mask'>
      <View className='privacy-sheet'>
        <Text className='privacy-sheet__title'>用户隐私保护提示</Text>
        <Text className='privacy-sheet__text'>
          {purpose}。使用前请阅读并同意
          <Text className='privacy-sheet__link' onClick={() => openPrivacyContract()}>
            《安全互助小程序隐私保护指引》
          </Text>
          。不同意也可继续使用其他功能。
        </Text>
        <View className='privacy-sheet__actions'>
          <Button className='privacy-sheet__btn' onClick={() => answerPrivacy(false)}>
            不同意
          </Button>
          <Button
            id={AGREE_ID}
            className='privacy-sheet__btn privacy-sheet__btn--primary'
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answerPrivacy(true, AGREE_ID)}
          >
            同意
          </Button>
        </View>
      </View>
    </View>
  );
}
