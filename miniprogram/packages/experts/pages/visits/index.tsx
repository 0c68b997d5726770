import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { InspectionStatus } from '../../../../../shared/schemas/inspections';
import { EXPERT_VISIT_STATUS_LABELS, type ExpertVisit } from '../../../../../shared/schemas/experts';
import { DataTable } from '../../../../components/data-table';
import { StateView } from '../../../../components/state-view';
import { useDesk } from '../../../../hooks/use-desk';
import { usePagedQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { formatDate } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { listVisits } from '../../../../services/experts';
import { Button } from '../../components/nut';
import '../../components/experts.scss';

const STATUSES: (InspectionStatus | '')[] = ['', 'planned', 'in_progress', 'submitted'];
const open = (v: ExpertVisit) => navigateTo(withQuery(ROUTES.expertVisit, { id: v.id }));

const COLUMNS = [
  { key: 'date', title: '日期', width: 0.8, render: (v: ExpertVisit) => formatDate(v.scheduledOn) },
  { key: 'ent', title: '企业', width: 2, render: (v: ExpertVisit) => v.enterpriseName },
  { key: 'expert', title: '专家', width: 1.2, render: (v: ExpertVisit) => v.expertName },
  { key: 'purpose', title: '检查重点', width: 2.4, render: (v: ExpertVisit) => v.purpose },
  { key: 'status', title: '状态', width: 0.7, render: (v: ExpertVisit) => EXPERT_VISIT_STATUS_LABELS[v.status] },
  { key: 'hz', title: '隐患', width: 0.5, render: (v: ExpertVisit) => String(v.hazardCount) },
];

/** Expert visits: an expert sees their own (mine=true); a coop admin or supervisor all they oversee, and 安排专家上门. */
export function VisitsPage() {
  const { params } = useRouter();
  const mine = params.mine === 'true';
  const cooperativeId = params.cooperativeId;
  const desk = useDesk();
  const [status, setStatus] = useState<InspectionStatus | ''>('');
  const list = usePagedQuery((page) => listVisits({ mine: mine ? 'true' : undefined, cooperativeId, status: status || undefined }, page), [mine, cooperativeId, status], {
    refetchOnShow: true,
  });
  const items = list.data ?? [];

  return (
    <View className='page exp'>
      <View className='exp__bar'>
        {STATUSES.map((s) => (
          <Text key={s || 'all'} className={`exp__chip${status === s ? ' exp__chip--on' : ''}`} onClick={() => setStatus(s)}>
            {s ? EXPERT_VISIT_STATUS_LABELS[s] : '全部'}
          </Text>
        ))}
        {!mine && (
          <Text className='exp__chip exp__new' onClick={() => navigateTo(withQuery(ROUTES.expertSchedule, { cooperativeId }))}>
            ＋ 安排专家上门
          </Text>
        )}
      </View>
      <StateView query={list} empty={items.length === 0} emptyText={mine ? '还没有安排给您的上门检查。' : '还没有专家上门记录。'}>
        {desk ? (
          <View className='card'>
            <DataTable columns={COLUMNS} rows={items} rowKey={(v) => v.id} onRowClick={open} />
          </View>
        ) : (
          items.map((v) => (
            <View key={v.id} className='card exp__item' onClick={() => open(v)}>
              <View className='exp__line'>
                <Text className={`tag exp__status exp__status--${v.status}`}>{EXPERT_VISIT_STATUS_LABELS[v.status]}</Text>
                <Text className='card__title'>{v.enterpriseName}</Text>
              </View>
              <Text className='card__meta'>
                {formatDate(v.scheduledOn)} · {v.expertName}
                {v.status === 'submitted' ? ` · 发现隐患 ${v.hazardCount} 项` : ''}
              </Text>
              <Text className='card__meta'>{v.purpose}</Text>
            </View>
          ))
        )}
        {list.hasMore && (
          <View className='block-btn'>
            <Button block loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default VisitsPage;
