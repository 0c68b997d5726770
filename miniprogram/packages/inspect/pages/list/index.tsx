import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { INSPECTION_TYPE_LABELS, type InspectionStatus, type InspectionSummary } from '../../../../../shared/schemas/inspections';
import { DataTable, type Column } from '../../../../components/data-table';
import { StateView } from '../../../../components/state-view';
import { useDesk } from '../../../../hooks/use-desk';
import { usePagedQuery, useQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { formatDate } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { cachedMe, fetchMe } from '../../../../services/auth';
import { listInspections } from '../../../../services/inspections';
import { Button, Cell, CellGroup } from '../../components/nut';
import { StatusTag } from '../../components/status-tag';
import './index.scss';

const FILTERS: { value: InspectionStatus | ''; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'in_progress', label: '进行中' },
  { value: 'planned', label: '待开始' },
  { value: 'submitted', label: '已提交' },
];

/** 检查记录: the inspections the person may see (own patrols, rounds they are in, their cooperative's rounds). */
export function InspectionListPage() {
  const { params } = useRouter();
  const cooperativeId = params.cooperativeId ?? '';
  const desk = useDesk();
  const [status, setStatus] = useState<InspectionStatus | ''>('');
  // the roles decide the 安排互查 button: from the login's copy, or asked for when the copy is missing
  const me = useQuery(async () => cachedMe() ?? fetchMe(), []).data;
  const adminOf = me?.roles.find((r) => r.role === 'coop_admin' && (!cooperativeId || r.cooperativeId === cooperativeId))?.cooperativeId ?? '';

  const list = usePagedQuery(
    (page) => listInspections({ page, status: status || undefined, cooperativeId: cooperativeId || undefined }),
    [status, cooperativeId],
    { refetchOnShow: true },
  );
  const open = (i: InspectionSummary) => navigateTo(withQuery(ROUTES.inspection, { id: i.id }));
  const items = list.data ?? [];

  const columns: Column<InspectionSummary>[] = [
    { key: 'date', title: '日期', width: 1.1, render: (i) => formatDate(i.scheduledOn) },
    { key: 'type', title: '类型', width: 0.8, render: (i) => INSPECTION_TYPE_LABELS[i.type] },
    { key: 'host', title: '受检企业', width: 2.2, render: (i) => i.hostName },
    { key: 'checklist', title: '检查表', width: 2, render: (i) => i.checklistName },
    { key: 'hazards', title: '隐患', width: 0.7, render: (i) => String(i.hazardCount) },
    { key: 'status', title: '状态', width: 1, render: (i) => <StatusTag status={i.status} /> },
  ];

  return (
    <View className='page inspections'>
      <View className='card'>
        <Text className='card__title'>检查</Text>
        <Text className='card__meta'>扫描车间二维码开始日巡查；合作社安排的互查在这里查看和继续。</Text>
        <View className='card__actions'>
          <Button className='btn' type='primary' onClick={() => navigateTo(ROUTES.scan)}>
            扫码检查
          </Button>
          {adminOf && (
            <Button className='btn inspections__schedule' type='primary' fill='outline' onClick={() => navigateTo(withQuery(ROUTES.inspectionSchedule, { cooperativeId: adminOf }))}>
              安排互查
            </Button>
          )}
          <Button className='btn' fill='outline' onClick={() => navigateTo(withQuery(ROUTES.checklists, { cooperativeId: adminOf || undefined }))}>
            检查表库
          </Button>
        </View>
      </View>
      <View className='inspections__filters'>
        {FILTERS.map((f) => (
          <Text key={f.value || 'all'} className={`inspections__filter${status === f.value ? ' inspections__filter--on' : ''}`} onClick={() => setStatus(f.value)}>
            {f.label}
          </Text>
        ))}
      </View>
      <StateView query={list} empty={items.length === 0} emptyText='还没有检查记录。扫描车间二维码开始第一次日巡查。'>
        {desk ? (
          <DataTable columns={columns} rows={items} rowKey={(i) => i.id} onRowClick={open} />
        ) : (
          <CellGroup className='inspections__list'>
            {items.map((i) => (
              <Cell
                key={i.id}
                className='inspections__item'
                align='center'
                title={
                  <View>
                    <Text>{i.hostName}</Text>
                    <StatusTag status={i.status} />
                  </View>
                }
                description={`${INSPECTION_TYPE_LABELS[i.type]} · ${formatDate(i.scheduledOn)} · ${i.checklistName}${i.hazardCount ? ` · 隐患 ${i.hazardCount}` : ''}`}
                onClick={() => open(i)}
              />
            ))}
          </CellGroup>
        )}
        {list.hasMore && (
          <Button className='block-btn' block loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
            加载更多
          </Button>
        )}
      </StateView>
    </View>
  );
}

export default InspectionListPage;
