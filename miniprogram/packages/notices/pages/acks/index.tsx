import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { NoticeAckPerson } from '../../../../../shared/schemas/notices';
import { DataTable } from '../../../../components/data-table';
import { StateView } from '../../../../components/state-view';
import { useDesk } from '../../../../hooks/use-desk';
import { useQuery } from '../../../../hooks/use-query';
import { formatDateTime } from '../../../../lib/time';
import { getAcks, getNotice, remindNotice } from '../../../../services/notices';
import { toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import '../../components/notices.scss';

const COLUMNS = [
  { key: 'name', title: '姓名', width: 1, render: (p: NoticeAckPerson) => p.name },
  { key: 'ent', title: '企业', width: 2, render: (p: NoticeAckPerson) => p.enterpriseName ?? '—' },
  { key: 'at', title: '确认时间', width: 1.2, render: (p: NoticeAckPerson) => (p.confirmedAt ? formatDateTime(p.confirmedAt) : '未确认') },
  { key: 'reminded', title: '已提醒', width: 0.6, render: (p: NoticeAckPerson) => (p.reminded > 0 ? `${p.reminded} 次` : '—') },
];

function People({ rows, desk }: { rows: NoticeAckPerson[]; desk: boolean }) {
  if (desk) return <DataTable columns={COLUMNS} rows={rows} rowKey={(p) => p.userId} />;
  return (
    <View>
      {rows.map((p) => (
        <View key={p.userId} className='ntc__person'>
          <Text>
            {p.name}
            {p.enterpriseName ? ` · ${p.enterpriseName}` : ''}
          </Text>
          <Text className={p.confirmedAt ? 'ntc__ok' : ''}>{p.confirmedAt ? formatDateTime(p.confirmedAt) : p.reminded > 0 ? `已提醒 ${p.reminded} 次` : '未确认'}</Text>
        </View>
      ))}
    </View>
  );
}

/** The publisher's view: who confirmed the current version, who has not, and a reminder round to the latter. */
export function NoticeAcksPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const desk = useDesk();
  const notice = useQuery(() => getNotice(id), [id], { enabled: !!id });
  const acks = useQuery(() => getAcks(id), [id], { enabled: !!id, refetchOnShow: true });
  const a = acks.data;
  const [busy, setBusy] = useState(false);

  const remind = async () => {
    if (!a || a.pending.length === 0) return;
    const { confirm } = await Taro.showModal({
      title: '提醒未确认',
      content: `将向 ${a.pending.length} 位尚未确认的人发送提醒，确定发送吗？`,
      confirmText: '发送',
      cancelText: '取消',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      const r = await remindNotice(id);
      void Taro.showToast({ title: r.reminded > 0 ? `已提醒 ${r.reminded} 人` : '刚提醒过，无需重复', icon: r.reminded > 0 ? 'success' : 'none' }).catch(() => undefined);
      await acks.reload();
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='page ntc ntc--acks'>
      <StateView query={acks} error={id ? acks.error : '缺少通知参数'}>
        {a && (
          <View>
            <View className='card'>
              <Text className='card__title'>{notice.data?.title ?? '通知'}</Text>
              <Text className='card__meta ntc__summary'>
                第 {a.version} 版 · 已确认 {a.confirmed.length} 人，未确认 {a.pending.length} 人
                {notice.data && notice.data.reminderRounds > 0 ? ` · 已提醒 ${notice.data.reminderRounds} 轮` : ''}
              </Text>
            </View>
            {a.pending.length > 0 && (
              <View className='block-btn'>
                <Button className='ntc__remind' type='primary' block loading={busy} disabled={busy} onClick={() => void remind()}>
                  提醒未确认（{a.pending.length} 人）
                </Button>
              </View>
            )}
            <View className='card'>
              <Text className='ntc__section'>未确认（{a.pending.length}）</Text>
              {a.pending.length === 0 ? <Text className='card__meta'>全部已确认。</Text> : <People rows={a.pending} desk={desk} />}
            </View>
            <View className='card'>
              <Text className='ntc__section'>已确认（{a.confirmed.length}）</Text>
              <People rows={a.confirmed} desk={desk} />
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default NoticeAcksPage;
