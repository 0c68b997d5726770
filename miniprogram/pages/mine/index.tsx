import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect } from 'react';
import { ROLE_LABELS } from '../../../shared/enums';
import type { Me } from '../../../shared/schemas/auth';
import type { Enterprise } from '../../../shared/schemas/org';
import { BindPhone } from '../../components/bind-phone';
import { Button, Cell, CellGroup } from '../../components/nut';
import { StateView } from '../../components/state-view';
import { useQuery } from '../../hooks/use-query';
import { navigateTo, relaunch } from '../../lib/nav';
import { ROUTES, withQuery } from '../../routes';
import { fetchMe, hasToken, logout } from '../../services/auth';
import { myEnterprises } from '../../services/org';
import { openPrivacyContract } from '../../services/privacy';
import './index.scss';

interface MineData {
  me: Me;
  enterprises: Pick<Enterprise, 'id' | 'name' | 'industry'>[];
}

export function MinePage() {
  const needsLogin = process.env.TARO_ENV === 'h5' && !hasToken();
  useEffect(() => {
    if (needsLogin) relaunch(ROUTES.login);
  }, [needsLogin]);
  const query = useQuery(
    async (): Promise<MineData> => {
      const [me, enterprises] = await Promise.all([fetchMe(), myEnterprises()]);
      return { me, enterprises };
    },
    [],
    { enabled: !needsLogin, refetchOnShow: true },
  );
  const data = query.data;

  const onPrivacy = () => {
    if (!openPrivacyContract()) navigateTo(ROUTES.privacy);
  };

  // The native modal: on weapp it also covers the tabBar, which a page-level dialog cannot.
  const onLogout = async () => {
    const { confirm } = await Taro.showModal({
      title: '退出登录',
      content: '确定要退出当前账号吗？退出后需要重新登录才能查看合作社信息。',
      confirmText: '退出',
      cancelText: '取消',
      confirmColor: '#e5484d',
    });
    if (!confirm) return;
    logout();
    relaunch(ROUTES.login);
  };

  const roles = data ? Array.from(new Set(data.me.roles.map((g) => g.role))) : [];
  // supervisors, experts and the platform admin work across enterprises: no "my enterprise" for them
  const enterprisePerson = roles.length === 0 || roles.includes('member') || roles.includes('coop_admin');

  return (
    <View className='page'>
      <StateView query={query}>
        {data && (
          <View>
            <View className='card'>
              <Text className='card__title'>{data.me.name}</Text>
              {data.me.username && <Text className='card__meta'>账号：{data.me.username}</Text>}
              <BindPhone me={data.me} onBound={(me) => query.setData({ ...data, me })} />
              <View className='card__actions'>
                {roles.length === 0 && <Text className='card__meta'>尚未加入合作社</Text>}
                {roles.map((r) => (
                  <Text key={r} className='tag tag--role'>
                    {ROLE_LABELS[r]}
                  </Text>
                ))}
              </View>
            </View>
            {enterprisePerson && (
              <CellGroup className='mine__group' title='我的企业'>
                {data.enterprises.length === 0 && <Cell title='暂无所属企业' description='加入合作社后，您的企业会显示在这里。' />}
                {data.enterprises.map((e) => (
                  <Cell
                    key={e.id}
                    clickable
                    title={e.name}
                    description={e.industry}
                    extra='企业档案 ›'
                    onClick={() => navigateTo(withQuery(ROUTES.enterprise, { id: e.id }))}
                  />
                ))}
              </CellGroup>
            )}
          </View>
        )}
      </StateView>
      <CellGroup className='mine__group' title='设置'>
        {enterprisePerson && <Cell title='加入合作社' clickable extra='›' onClick={() => navigateTo(ROUTES.join)} />}
        <Cell title='消息订阅' clickable extra='›' onClick={() => navigateTo(ROUTES.subscriptions)} />
        <Cell title='隐私政策' clickable extra='›' onClick={onPrivacy} />
      </CellGroup>
      <View className='block-btn'>
        <Button className='mine__logout' block type='danger' fill='outline' onClick={() => void onLogout()}>
          退出登录
        </Button>
      </View>
    </View>
  );
}

export default MinePage;
