import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { FormField } from '../../../../components/form-field';
import { Button } from '../../../../components/nut';
import { relaunch } from '../../../../lib/nav';
import { ROUTES } from '../../../../routes';
import { passwordLogin, wechatLogin } from '../../../../services/auth';
import { ApiError, toastError } from '../../../../services/request';
import './index.scss';

function afterLogin(redirect?: string): void {
  const target = redirect && redirect.startsWith('/') && redirect !== ROUTES.login ? redirect : ROUTES.home;
  relaunch(target);
}

export function LoginPage() {
  const router = useRouter();
  const redirect = router.params.redirect ? decodeURIComponent(router.params.redirect) : undefined;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const onPassword = async () => {
    if (busy) return;
    const next: Record<string, string> = {};
    if (!username.trim()) next.username = '请输入用户名';
    if (!password) next.password = '请输入密码';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    try {
      await passwordLogin({ username: username.trim(), password });
      afterLogin(redirect);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length > 0) setErrors(e.fields);
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const onWechat = async () => {
    setBusy(true);
    try {
      await wechatLogin();
      afterLogin(redirect);
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='page login'>
      <View className='login__brand'>
        <Text className='login__title'>安全互助</Text>
        <Text className='login__subtitle'>安全生产互助合作社 · 互查互学 共同提升</Text>
      </View>
      {process.env.TARO_ENV === 'weapp' && (
        <View className='login__wechat'>
          <Button block type='primary' loading={busy} disabled={busy} onClick={() => void onWechat()}>
            微信一键登录
          </Button>
          <Text className='hint'>桌面账号也可在下方用用户名和密码登录</Text>
        </View>
      )}
      <FormField
        label='用户名'
        name='username'
        value={username}
        error={errors.username}
        placeholder='请输入用户名'
        onInput={setUsername}
        onConfirm={() => void onPassword()}
      />
      <FormField
        label='密码'
        name='password'
        value={password}
        password
        error={errors.password}
        placeholder='请输入密码'
        onInput={setPassword}
        onConfirm={() => void onPassword()}
      />
      <View className='block-btn'>
        <Button className='login__submit' block type='primary' loading={busy} disabled={busy} onClick={() => void onPassword()}>
          登录
        </Button>
      </View>
    </View>
  );
}

export default LoginPage;
