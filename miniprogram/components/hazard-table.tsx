import { Text, View } from '@tarojs/components';
import type { Hazard } from '../../shared/schemas/hazards';
import { CHECK_CATEGORY_LABELS } from '../../shared/schemas/checklists';
import { FINDING_SOURCE_LABELS } from '../lib/hazard-labels';
import { formatDate } from '../lib/time';
import { DataTable, type Column } from './data-table';
import { CountdownBadge, HazardStatusTag, LevelTag } from './hazard-item';

/** Hazards as a desk table (same data as the phone list); the enterprise column for lists across members. */
export function HazardTable({ rows, showEnterprise, onOpen }: { rows: Hazard[]; showEnterprise?: boolean; onOpen: (h: Hazard) => void }) {
  const columns: Column<Hazard>[] = [
    ...(showEnterprise ? [{ key: 'ent', title: '企业', width: 1.6, render: (h: Hazard) => h.enterpriseName }] : []),
    {
      key: 'desc',
      title: '隐患描述',
      width: 3,
      render: (h) => (
        <View>
          <LevelTag level={h.level} />
          <Text>{h.description}</Text>
        </View>
      ),
    },
    { key: 'where', title: '车间/部位', width: 1.1, render: (h) => h.workshopName ?? '—' },
    { key: 'cat', title: '类别', width: 1, render: (h) => CHECK_CATEGORY_LABELS[h.category] },
    { key: 'src', title: '发现', width: 1.2, render: (h) => `${FINDING_SOURCE_LABELS[h.source]} · ${h.foundByName}` },
    { key: 'found', title: '发现日期', width: 1, render: (h) => formatDate(h.foundOn) },
    { key: 'deadline', title: '整改期限', width: 1, render: (h) => formatDate(h.deadline) },
    {
      key: 'state',
      title: '状态',
      width: 1.3,
      render: (h) => (
        <View>
          <HazardStatusTag status={h.status} />
          <CountdownBadge hazard={h} />
        </View>
      ),
    },
  ];
  return <DataTable className='hz-table' columns={columns} rows={rows} rowKey={(h) => h.id} onRowClick={onOpen} />;
}
