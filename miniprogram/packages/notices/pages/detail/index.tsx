import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { NOTICE_CATEGORY_LABELS } from '../../../../../shared/schemas/notices';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { askSubscribe, primeSubscribe } from '../../../../lib/subscribe';
import { formatDateTime } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { openPdf } from '../../../../services/hazards';
import { ackNotice, getNotice } from '../../../../services/notices';
import { ApiError, toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import '../../components/notices.scss';

/** One notice: the text and attachments; a recipient confirms reading (确认已读), the publisher sees who did. */
export function NoticeDetailPage() {
  // the template ids read ahead: WeChat only shows the subscribe prompt close to the tap
  useEffect(primeSubscribe, []);
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(() => getNotice(id), [id], { enabled: !!id, refetchOnShow: true });
  const n = query.data;
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (!n) return;
    setBusy(true);
    // asked right at the tap (WeChat refuses the prompt later); the confirmation goes on meanwhile
    void askSubscribe('notice_confirmed');
    try {
      query.setData(await ackNotice(id, n.version));
      void Taro.showToast({ title: '已确认', icon: 'success' }).catch(() => undefined);
    } catch (e) {
      // re-published while it was being read: show the new text, to be confirmed again
      if (e instanceof ApiError && e.code === 'NOTICE_CHANGED') {
        await Taro.showModal({ title: '通知已更新', content: '发布人刚修改了这条通知，请阅读新内容后再确认。', showCancel: false }).catch(() => undefined);
        await query.reload();
      } else toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='page ntc'>
      <StateView query={query} error={id ? query.error : '缺少通知参数'}>
        {n && (
          <View>
            <View className='card'>
              <Text className='card__title'>
                【{NOTICE_CATEGORY_LABELS[n.category]}】{n.title}
              </Text>
              <Text className='card__meta'>
                {n.scopeName} · {n.publisherName} · {formatDateTime(n.publishedAt)}
                {n.version > 1 ? ` · 第 ${n.version} 版（已修改，请重新确认）` : ''}
              </Text>
              <Text className='ntc__body'>{n.body}</Text>
            </View>
            {n.attachments.length > 0 && (
              <View className='card'>
                <Text className='ntc__section'>附件</Text>
                {n.attachments.map((f, i) => (
                  <Text key={f.id} className='ntc__link' onClick={() => void (f.mime === 'application/pdf' ? openPdf(f.url) : Taro.previewImage({ urls: [f.signedUrl] })).catch(toastError)}>
                    附件 {i + 1}（{f.mime === 'application/pdf' ? 'PDF' : '图片'}）›
                  </Text>
                ))}
              </View>
            )}
            {n.recipient && (
              <View className='block-btn'>
                {n.confirmedAt ? (
                  <Text className='ntc__ok ntc__confirmed'>已于 {formatDateTime(n.confirmedAt)} 确认已读</Text>
                ) : (
                  <Button className='ntc__ack' type='primary' block loading={busy} disabled={busy} onClick={() => void confirm()}>
                    确认已读
                  </Button>
                )}
              </View>
            )}
            {n.canManage && (
              <View className='block-btn block-btn--stack'>
                <Button className='ntc__acks' fill='outline' type='primary' block onClick={() => navigateTo(withQuery(ROUTES.noticeAcks, { id }))}>
                  确认情况 {n.confirmedCount}/{n.recipientCount}
                </Button>
                <Button className='ntc__republish' fill='outline' block onClick={() => navigateTo(withQuery(ROUTES.noticeEdit, { id }))}>
                  修改并重新发布
                </Button>
              </View>
            )}
          </View>
        )}
      </StateView>
    </View>
  );
}

export default NoticeDetailPage;
