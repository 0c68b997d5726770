import { Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Subscription, SubscriptionList } from '../../../../../shared/schemas/push';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { resetSubscribeCache } from '../../../../lib/subscribe';
import { getSubscriptions, reportAccepted, setSubscription } from '../../../../services/push';
import { toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import './index.scss';

/** Why a template will or will not bring a WeChat message (the inbox has everything either way). */
export function stateOf(s: Subscription, hasWechat: boolean): { text: string; yes: boolean } {
  if (!hasWechat) return { text: '未绑定微信，仅在“消息”中查看', yes: false };
  if (!s.enabled) return { text: '已关闭，仅在“消息”中查看', yes: false };
  if (s.remaining <= 0) return { text: '可接收 0 条：点下方“允许接收”再订阅', yes: false };
  return { text: `会通知我 · 还可接收 ${s.remaining} 条`, yes: s.willNotify };
}

/** Per WeChat template: my switch, the messages still allowed (one per acceptance), and "will I be notified". */
export function SubscriptionsPage() {
  const query = useQuery(() => getSubscriptions(), [], { refetchOnShow: true });
  const list = query.data;
  const [busy, setBusy] = useState<string | null>(null);

  const show = (l: SubscriptionList) => {
    query.setData(l);
    resetSubscribeCache(l);
  };
  const toggle = async (s: Subscription, enabled: boolean) => {
    setBusy(s.templateId);
    try {
      show(await setSubscription(s.templateId, enabled));
    } catch (e) {
      toastError(e);
      await query.reload();
    } finally {
      setBusy(null);
    }
  };
  // WeChat lets a page ask for at most 3 templates per tap: the switched-on ones with the fewest left
  const ask = async () => {
    if (!list) return;
    const tmplIds = list.items.filter((s) => s.enabled).sort((a, b) => a.remaining - b.remaining).slice(0, 3).map((s) => s.templateId);
    if (tmplIds.length === 0) return;
    try {
      const res = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option)) as unknown as Record<string, unknown>;
      const ok = tmplIds.filter((id) => typeof res[id] === 'string' && (res[id] as string).startsWith('accept'));
      if (ok.length > 0) show(await reportAccepted(ok));
    } catch (e) {
      toastError(e);
    }
  };

  return (
    <View className='page subs'>
      <StateView query={query}>
        {list && (
          <View>
            <View className='card'>
              <Text className='card__meta'>
                微信每次订阅只允许发送一条消息。开关决定是否通过微信提醒；所有消息都会出现在“消息”里。
              </Text>
              {list.items.map((s) => {
                const st = stateOf(s, list.hasWechat);
                return (
                  <View key={s.templateId} className='subs__row'>
                    <View className='subs__info'>
                      <Text className='subs__label'>{s.label}</Text>
                      <Text className={`subs__state subs__state--${st.yes ? 'yes' : 'no'}`}>{st.text}</Text>
                    </View>
                    <Switch className='subs__switch' checked={s.enabled} disabled={busy === s.templateId} color='#1f6feb' onChange={(e) => void toggle(s, e.detail.value)} />
                  </View>
                );
              })}
            </View>
            {process.env.TARO_ENV === 'weapp' && list.hasWechat && (
              <View className='block-btn'>
                <Button className='subs__ask' type='primary' block onClick={() => void ask()}>
                  允许接收微信提醒
                </Button>
              </View>
            )}
          </View>
        )}
      </StateView>
    </View>
  );
}

export default SubscriptionsPage;
