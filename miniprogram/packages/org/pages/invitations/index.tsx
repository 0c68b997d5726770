import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Invitation } from '../../../../../shared/schemas/org';
import { DataTable, type Column } from '../../../../components/data-table';
import { StateView } from '../../../../components/state-view';
import { useDesk } from '../../../../hooks/use-desk';
import { useQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { formatDateTime } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { getCooperative, listInvitations, revokeInvitation } from '../../../../services/org';
import { toastError } from '../../../../services/request';
import { Button, Cell, CellGroup, Tag } from '../../components/nut';
import './index.scss';

type Status = { label: string; type: 'success' | 'default' | 'danger' };

function statusOf(inv: Invitation, now = Date.now()): Status {
  if (inv.revokedAt) return { label: '已作废', type: 'danger' };
  if (new Date(inv.expiresAt).getTime() <= now) return { label: '已过期', type: 'default' };
  if (inv.uses >= inv.maxUses) return { label: '已用完', type: 'default' };
  return { label: '有效', type: 'success' };
}

/** 邀请记录: every invitation of a cooperative, newest first; a valid one can be revoked. */
export function InvitationsPage() {
  const { params } = useRouter();
  const cooperativeId = params.cooperativeId ?? '';
  const desk = useDesk();
  const [revoking, setRevoking] = useState<string | null>(null);

  const list = useQuery(
    async () => {
      const [coop, res] = await Promise.all([getCooperative(cooperativeId), listInvitations(cooperativeId)]);
      return { coop, items: res.items };
    },
    [cooperativeId],
    { enabled: !!cooperativeId, refetchOnShow: true },
  );

  const revoke = async (inv: Invitation) => {
    const { confirm } = await Taro.showModal({
      title: '作废邀请码',
      content: `作废后邀请码 ${inv.code} 不能再用于加入合作社，已加入的企业不受影响。`,
      confirmText: '作废',
      cancelText: '取消',
      confirmColor: '#d4380d',
    });
    if (!confirm || !list.data) return;
    setRevoking(inv.code);
    try {
      const updated = await revokeInvitation(inv.code);
      list.setData({ ...list.data, items: list.data.items.map((i) => (i.code === updated.code ? updated : i)) });
      void Taro.showToast({ title: '已作废', icon: 'success' });
    } catch (e) {
      toastError(e);
    } finally {
      setRevoking(null);
    }
  };

  const action = (inv: Invitation) =>
    statusOf(inv).label === '有效' ? (
      <Button size='small' type='danger' fill='outline' loading={revoking === inv.code} disabled={!!revoking} onClick={() => void revoke(inv)}>
        作废
      </Button>
    ) : null;

  const columns: Column<Invitation>[] = [
    { key: 'code', title: '邀请码', width: 1.3, render: (i) => <Text className='invitations__code'>{i.code}</Text> },
    { key: 'for', title: '对象', width: 2, render: (i) => i.enterpriseName ?? '任意企业' },
    { key: 'expires', title: '有效期至', width: 1.6, render: (i) => formatDateTime(i.expiresAt) },
    { key: 'uses', title: '已用/可用', width: 1, render: (i) => `${i.uses}/${i.maxUses}` },
    {
      key: 'status',
      title: '状态',
      width: 1,
      render: (i) => {
        const s = statusOf(i);
        return <Tag type={s.type}>{s.label}</Tag>;
      },
    },
    { key: 'action', title: '操作', width: 1, render: action },
  ];

  const items = list.data?.items ?? [];
  return (
    <View className='page invitations'>
      <StateView query={list} error={cooperativeId ? list.error : '缺少合作社参数'}>
        {list.data && (
          <View>
            <View className='card'>
              <Text className='card__title'>{list.data.coop.name}</Text>
              <Text className='card__meta'>共 {items.length} 个邀请码。作废的邀请码不能再用于加入，已加入的企业不受影响。</Text>
              <View className='card__actions'>
                <Button className='btn' type='primary' onClick={() => navigateTo(withQuery(ROUTES.invite, { cooperativeId }))}>
                  生成新邀请
                </Button>
              </View>
            </View>
            {items.length === 0 && <Text className='hint hint--center'>还没有发出过邀请。</Text>}
            {items.length === 0 ? null : desk ? (
              <DataTable columns={columns} rows={items} rowKey={(i) => i.code} />
            ) : (
              <CellGroup className='invitations__list'>
                {items.map((i) => {
                  const s = statusOf(i);
                  return (
                    <Cell
                      key={i.code}
                      className='invitations__item'
                      align='center'
                      title={
                        <View>
                          <Text className='invitations__code'>{i.code}</Text>
                          <Tag type={s.type} className='invitations__status'>
                            {s.label}
                          </Tag>
                        </View>
                      }
                      description={`${i.enterpriseName ? `仅限 ${i.enterpriseName} · ` : ''}有效期至 ${formatDateTime(i.expiresAt)} · 已用 ${i.uses}/${i.maxUses}`}
                      extra={action(i)}
                    />
                  );
                })}
              </CellGroup>
            )}
          </View>
        )}
      </StateView>
    </View>
  );
}

export default InvitationsPage;
