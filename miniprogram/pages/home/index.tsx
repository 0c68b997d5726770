import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import { canManageCooperative } from '../../../shared/policy';
import type { Me } from '../../../shared/schemas/auth';
import type { Cooperative } from '../../../shared/schemas/org';
import { Button } from '../../components/nut';
import { StateView } from '../../components/state-view';
import { navigateTo, relaunch } from '../../lib/nav';
import { ROUTES, withQuery } from '../../routes';
import { fetchMe, hasToken, principalOf } from '../../services/auth';
import { listCooperatives } from '../../services/org';
import { messageOf } from '../../services/request';

interface HomeData {
  me: Me;
  cooperatives: Cooperative[];
}

export function HomePage() {
  const [data, setData] = useState<HomeData | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    // h5 has no silent login: without a token go straight to the login form
    if (process.env.TARO_ENV === 'h5' && !hasToken()) {
      relaunch(ROUTES.login);
      return;
    }
    setError(null);
    try {
      const me = await fetchMe();
      const cooperatives = me.roles.length > 0 ? (await listCooperatives(1, 20)).items : [];
      setData({ me, cooperatives });
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setLoading(false);
      Taro.stopPullDownRefresh();
    }
  }, []);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load();
  });

  const retry = () => {
    setLoading(true);
    void load();
  };

  return (
    <View className='page'>
      <StateView loading={loading && !data} error={data ? null : error} onRetry={retry}>
        {data && <HomeContent data={data} />}
      </StateView>
    </View>
  );
}

function HomeContent({ data }: { data: HomeData }) {
  const { me, cooperatives } = data;
  if (me.roles.length === 0) {
    return (
      <View className='card'>
        <Text className='card__title'>{me.name}，欢迎使用安全互助</Text>
        <Text className='card__meta'>您还没有加入任何合作社。请向合作社管理员索取邀请码或扫描邀请二维码。</Text>
        <View className='card__actions'>
          <Button className='btn' type='primary' onClick={() => navigateTo(ROUTES.join)}>
            加入合作社
          </Button>
        </View>
      </View>
    );
  }
  const principal = principalOf(me);
  return (
    <View>
      <Text className='section-title'>我的合作社</Text>
      {cooperatives.length === 0 && (
        <View className='card'>
          <Text className='card__meta'>暂无可查看的合作社。</Text>
          <View className='card__actions'>
            <Button className='btn' type='primary' onClick={() => navigateTo(ROUTES.join)}>
              加入合作社
            </Button>
          </View>
        </View>
      )}
      {cooperatives.map((c) => (
        <View key={c.id} className='card'>
          <Text className='card__title'>{c.name}</Text>
          <Text className='card__meta'>
            {c.regionName} · {c.industry}
          </Text>
          <Text className='card__meta'>成员企业 {c.memberCount} 家</Text>
          {c.leadEnterpriseName && <Text className='card__meta'>龙头企业：{c.leadEnterpriseName}</Text>}
          <View className='card__actions'>
            <Button
              className='btn'
              type='primary'
              fill='outline'
              onClick={() => navigateTo(withQuery(ROUTES.directory, { cooperativeId: c.id }))}
            >
              成员名录
            </Button>
            {canManageCooperative(principal, c.id) && (
              <Button
                className='btn'
                type='primary'
                onClick={() => navigateTo(withQuery(ROUTES.invite, { cooperativeId: c.id }))}
              >
                邀请成员
              </Button>
            )}
          </View>
        </View>
      ))}
    </View>
  );
}

export default HomePage;
