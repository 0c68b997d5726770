import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/enums';
import type { Me } from '../../../shared/schemas/auth';
import type { Enterprise } from '../../../shared/schemas/org';
import { StateView } from '../../components/state-view';
import { navigateTo, relaunch } from '../../lib/nav';
import { ROUTES, withQuery } from '../../routes';
import { fetchMe, hasToken, logout, myEnterpriseIds } from '../../services/auth';
import { getEnterprise } from '../../services/org';
import { openPrivacyContract } from '../../services/privacy';
import { messageOf } from '../../services/request';

interface MineData {
  me: Me;
  enterprises: Pick<Enterprise, 'id' | 'name' | 'industry'>[];
}

export function MinePage() {
  const [data, setData] = useState<MineData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    if (process.env.TARO_ENV === 'h5' && !hasToken()) {
      relaunch(ROUTES.login);
      return;
    }
    setError(null);
    try {
      const me = await fetchMe();
      const enterprises = await Promise.all(myEnterpriseIds(me).map((id) => getEnterprise(id)));
      setData({ me, enterprises });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useDidShow(() => {
    void load();
  });

  const onPrivacy = () => {
    if (!openPrivacyContract()) navigateTo(ROUTES.privacy);
  };

  const onLogout = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '确定要退出当前账号吗？', confirmText: '退出' });
    if (!confirm) return;
    logout();
    relaunch(ROUTES.login);
  };

  const roles = data ? Array.from(new Set(data.me.roles.map((g) => g.role))) : [];

  return (
    <View className='page'>
      <StateView
        loading={loading && !data}
        error={data ? null : error}
        onRetry={() => {
          setLoading(true);
          void load();
        }}
      >
        {data && (
          <View>
            <View className='card'>
              <Text className='card__title'>{data.me.name}</Text>
              {data.me.username && <Text className='card__meta'>账号：{data.me.username}</Text>}
              <View className='card__actions'>
                {roles.length === 0 && <Text className='card__meta'>尚未加入合作社</Text>}
                {roles.map((r) => (
                  <Text key={r} className='tag tag--role'>
                    {ROLE_LABELS[r]}
                  </Text>
                ))}
              </View>
            </View>
            <Text className='section-title'>我的企业</Text>
            {data.enterprises.length === 0 && <Text className='hint'>暂无所属企业</Text>}
            {data.enterprises.map((e) => (
              <View
                key={e.id}
                className='list-item'
                onClick={() => Taro.navigateTo({ url: withQuery(ROUTES.enterprise, { id: e.id }) })}
              >
                <Text className='list-item__title'>{e.name}</Text>
                <Text className='list-item__meta'>{e.industry} · 查看企业档案 ›</Text>
              </View>
            ))}
          </View>
        )}
      </StateView>
      <Text className='section-title'>设置</Text>
      <View className='list-item' onClick={() => Taro.navigateTo({ url: ROUTES.join })}>
        <Text className='list-item__title'>加入合作社</Text>
      </View>
      <View className='list-item' onClick={onPrivacy}>
        <Text className='list-item__title'>隐私政策</Text>
      </View>
      <Button className='block-btn btn--danger' onClick={() => void onLogout()}>
        退出登录
      </Button>
    </View>
  );
}

export default MinePage;
