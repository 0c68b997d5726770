import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Invitation } from '../../../../../shared/schemas/org';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { formatDateTime } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { createInvitation, getCooperative, getEnterprise } from '../../../../services/org';
import { toastError } from '../../../../services/request';
import { Button } from '../../components/nut';

function copyText(text: string, what: string): void {
  Taro.setClipboardData({ data: text })
    .then(() => Taro.showToast({ title: `${what}已复制`, icon: 'none' }))
    .catch(() => Taro.showToast({ title: '复制失败，请手动抄写', icon: 'none' }));
}

/**
 * 邀请成员: a code, link and QR code for a cooperative. With `enterpriseId` (from an enterprise's page) the
 * invitation is for that pre-registered enterprise only.
 */
export function InvitePage() {
  const { params } = useRouter();
  const cooperativeId = params.cooperativeId ?? '';
  const enterpriseId = params.enterpriseId || undefined;
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);

  const target = useQuery(
    async () => {
      const [coop, enterprise] = await Promise.all([getCooperative(cooperativeId), enterpriseId ? getEnterprise(enterpriseId) : null]);
      return { coop, enterprise };
    },
    [cooperativeId, enterpriseId],
    { enabled: !!cooperativeId },
  );

  const generate = async () => {
    setBusy(true);
    try {
      setInvitation(await createInvitation(cooperativeId, enterpriseId ? { enterpriseId } : {}));
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const coop = target.data?.coop;
  const enterprise = target.data?.enterprise;
  return (
    <View className='page'>
      <StateView query={target} error={cooperativeId ? target.error : '缺少合作社参数'}>
        {coop && (
          <View className='card'>
            <Text className='card__title'>{coop.name}</Text>
            {enterprise ? (
              <Text className='card__meta'>
                为已登记的“{enterprise.name}”生成专属邀请：把链接或二维码发给该企业负责人，对方用微信扫码即可认领企业并加入本合作社。
              </Text>
            ) : (
              <Text className='card__meta'>生成邀请码后，把二维码或邀请码发给要加入的企业负责人。对方在“加入合作社”中扫码或输入邀请码即可登记加入。</Text>
            )}
            <View className='card__actions'>
              <Button className='btn' type='primary' loading={busy} disabled={busy} onClick={() => void generate()}>
                {invitation ? '再生成一个' : '生成邀请码'}
              </Button>
              <Button className='btn' type='primary' fill='outline' onClick={() => navigateTo(withQuery(ROUTES.invitations, { cooperativeId }))}>
                邀请记录
              </Button>
            </View>
          </View>
        )}
        {invitation && (
          <View className='card invite'>
            <Text className='card__meta'>邀请码{invitation.enterpriseName ? `（仅限 ${invitation.enterpriseName}）` : ''}</Text>
            <Text className='card__title invite__code'>{invitation.code}</Text>
            <Text className='card__meta invite__expiry'>
              有效期至 {formatDateTime(invitation.expiresAt)} · 可使用 {invitation.maxUses} 次（已用 {invitation.uses} 次）
            </Text>
            {/* square code in a square box: scaleToFill (h5's aspectFit centres the <img> off to one side) */}
            <Image className='invite__qr' src={invitation.qrDataUrl} mode='scaleToFill' showMenuByLongpress />
            <View className='card__actions'>
              <Button className='btn' type='primary' onClick={() => copyText(invitation.code, '邀请码')}>
                复制邀请码
              </Button>
              <Button className='btn' type='primary' fill='outline' onClick={() => copyText(invitation.joinUrl, '邀请链接')}>
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
