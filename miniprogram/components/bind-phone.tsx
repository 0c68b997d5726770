import { Button, Text, View } from '@tarojs/components';
import type { ButtonProps, CommonEvent } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Me } from '../../shared/schemas/auth';
import { bindPhone } from '../services/phone';
import { toastError } from '../services/request';

/**
 * 绑定手机号 with WeChat's own getPhoneNumber button (the number is never typed). Only in the
 * mini-program: the browser has no such button, it just shows the bound number.
 */
export function BindPhone({ me, onBound }: { me: Me; onBound: (me: Me) => void }) {
  const [busy, setBusy] = useState(false);
  const shown = me.phone ? <Text className='card__meta'>手机号：{me.phone}</Text> : null;
  if (process.env.TARO_ENV !== 'weapp') return shown;

  const onGetPhoneNumber = async (e: CommonEvent<ButtonProps.onGetPhoneNumberEventDetail>) => {
    const code = e.detail.code;
    // Refused, or the privacy guide lacks the phone number: the app stays usable without it.
    if (!code) return;
    setBusy(true);
    try {
      onBound(await bindPhone(code));
      void Taro.showToast({ title: '手机号已绑定', icon: 'success' });
    } catch (err) {
      toastError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='bind-phone'>
      {shown}
      <Button
        className='bind-phone__btn'
        size='mini'
        openType='getPhoneNumber'
        disabled={busy}
        onGetPhoneNumber={(e) => void onGetPhoneNumber(e)}
      >
        {me.phone ? '更换手机号' : '绑定手机号'}
      </Button>
    </View>
  );
}
