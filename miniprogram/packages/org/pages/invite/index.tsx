import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { Cooperative, Invitation } from '../../../../../shared/schemas/org';
import { StateView } from '../../../../components/state-view';
import { createInvitation, getCooperative } from '../../../../services/org';
import { messageOf, toastError } from '../../../../services/request';
import { Button } from '../../components/nut';

function formatTime(iso: string): string {
  return iso.replace('T', ' ').slice(0, 16);
}

export function InvitePage() {
  const { params } = useRouter();
  const cooperativeId = params.cooperativeId ?? '';
  const [coop, setCoop] = useState<Cooperative | null>(null);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!cooperativeId) {
      setError('缺少合作社参数');
      setLoading(false);
      return;
    }
    getCooperative(cooperativeId)
      .then(setCoop)
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setLoading(false));
  }, [cooperativeId]);

  const generate = async () => {
    setBusy(true);
    try {
      setInvitation(await createInvitation(cooperativeId, {}));
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const copy = (text: string, what: string) => {
    Taro.setClipboardData({ data: text })
      .then(() => Taro.showToast({ title: `${what}已复制`, icon: 'none' }))
      .catch(() => Taro.showToast({ title: '复制失败，请手动抄写', icon: 'none' }));
  };

  return (
    <View className='page'>
      <StateView loading={loading} error={error}>
        {coop && (
          <View className='card'>
            <Text className='card__title'>{coop.name}</Text>
            <Text className='card__meta'>生成邀请码后，把二维码或邀请码发给要加入的企业负责人。对方在“加入合作社”中扫码或输入邀请码即可登记加入。</Text>
            <View className='card__actions'>
              <Button className='btn' type='primary' loading={busy} disabled={busy} onClick={() => void generate()}>
                {invitation ? '再生成一个' : '生成邀请码'}
              </Button>
            </View>
          </View>
        )}
        {invitation && (
          <View className='card invite'>
            <Text className='card__meta'>邀请码</Text>
            <Text className='card__title invite__code'>{invitation.code}</Text>
            <Text className='card__meta'>有效期至 {formatTime(invitation.expiresAt)} · 可使用 {invitation.maxUses} 次（已用 {invitation.uses} 次）</Text>
            {/* square code in a square box: scaleToFill (h5's aspectFit centres the <img> off to one side) */}
            <Image className='invite__qr' src={invitation.qrDataUrl} mode='scaleToFill' showMenuByLongpress />
            <View className='card__actions'>
              <Button className='btn' type='primary' onClick={() => copy(invitation.code, '邀请码')}>
                复制邀请码
              </Button>
              <Button className='btn' type='primary' fill='outline' onClick={() => copy(invitation.joinUrl, '邀请链接')}>
                复制链接
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default InvitePage;
