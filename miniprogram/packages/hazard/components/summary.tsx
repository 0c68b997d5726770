import { Text, View } from '@tarojs/components';
import type { HazardSummary } from '../../../../shared/schemas/hazards';
import { DataTable } from '../../../components/data-table';
import './summary.scss';

type Row = HazardSummary['items'][number];

/** Per-member counts, overdue first (as the server orders them); a tap filters the list to that member. */
export function SummaryTable({ rows, desk, selected, onPick }: { rows: Row[]; desk: boolean; selected?: string; onPick: (r: Row) => void }) {
  if (desk) {
    const n = (v: number, warn = false) => <Text className={warn && v > 0 ? 'summary__warn' : ''}>{v}</Text>;
    return (
      <DataTable
        className='summary'
        rows={rows}
        rowKey={(r) => r.enterpriseId}
        onRowClick={onPick}
        columns={[
          { key: 'name', title: '成员企业', width: 2.4, render: (r) => (r.enterpriseId === selected ? `▶ ${r.enterpriseName}` : r.enterpriseName) },
          { key: 'open', title: '待整改', width: 0.8, render: (r) => n(r.open) },
          { key: 'pending', title: '待验收', width: 0.8, render: (r) => n(r.pendingVerification) },
          { key: 'overdue', title: '逾期', width: 0.8, render: (r) => n(r.overdue, true) },
          { key: 'major', title: '重大', width: 0.8, render: (r) => n(r.major, true) },
          { key: 'closed', title: '已销号', width: 0.8, render: (r) => n(r.closed) },
        ]}
      />
    );
  }
  return (
    <View className='summary summary--phone'>
      {rows.map((r) => (
        <View key={r.enterpriseId} className={`summary__row${r.enterpriseId === selected ? ' summary__row--on' : ''}`} onClick={() => onPick(r)}>
          <Text className='summary__name'>{r.enterpriseName}</Text>
          <Text className='summary__counts'>
            待整改 {r.open} · 待验收 {r.pendingVerification} · <Text className={r.overdue > 0 ? 'summary__warn' : ''}>逾期 {r.overdue}</Text> · 重大 {r.major} · 已销号 {r.closed}
          </Text>
        </View>
      ))}
    </View>
  );
}
