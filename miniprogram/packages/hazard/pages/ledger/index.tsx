import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { shanghaiDate } from '../../../../../shared/dates';
import type { FindingSource, HazardLevel, HazardStatus } from '../../../../../shared/enums';
import type { Hazard } from '../../../../../shared/schemas/hazards';
import { HazardItem } from '../../../../components/hazard-item';
import { HazardTable } from '../../../../components/hazard-table';
import { StateView } from '../../../../components/state-view';
import { useDesk } from '../../../../hooks/use-desk';
import { usePagedQuery, useQuery } from '../../../../hooks/use-query';
import { FINDING_SOURCE_LABELS, HAZARD_STATUS_LABELS, ledgerFileName, progressText } from '../../../../lib/hazard-labels';
import { navigateTo } from '../../../../lib/nav';
import { ROUTES, withQuery } from '../../../../routes';
import { cachedMe } from '../../../../services/auth';
import { fetchWithProgress, type HazardFilters, hazardSummary, ledgerUrl, listHazards, openDocument, saveBlob } from '../../../../services/hazards';
import { toastError } from '../../../../services/request';
import { DateField } from '../../components/fields';
import { Button } from '../../components/nut';
import { SummaryTable } from '../../components/summary';
import '../../../../components/hazard-item.scss';
import '../../components/fields.scss';
import './index.scss';

function Chips<T extends string>({ label, value, options, onChange, name }: { label: string; value: T | ''; options: [T | '', string][]; onChange: (v: T | '') => void; name: string }) {
  return (
    <View className='ledger__filter'>
      <Text className='ledger__filter-label'>{label}</Text>
      {options.map(([v, text]) => (
        <Text key={v || 'all'} className={`hz-chip ledger__chip ledger__${name}-${v || 'all'}${value === v ? ' hz-chip--on' : ''}`} onClick={() => onChange(v)}>
          {text}
        </Text>
      ))}
    </View>
  );
}

const STATUS_OPTIONS: [HazardStatus | '', string][] = [['', '全部'], ...(Object.entries(HAZARD_STATUS_LABELS) as [HazardStatus, string][])];
const LEVEL_OPTIONS: [HazardLevel | '', string][] = [['', '全部'], ['general', '一般'], ['major', '重大']];
const SOURCE_OPTIONS: [FindingSource | '', string][] = [['', '全部'], ...(Object.entries(FINDING_SOURCE_LABELS) as [FindingSource, string][])];
const OVERDUE_OPTIONS: ['true' | 'false' | '', string][] = [['', '全部'], ['true', '仅逾期'], ['false', '未逾期']];

/** 隐患台账 for desk users: filters, per-member counts, the list, and the Excel export with progress. */
export function LedgerPage() {
  const { params } = useRouter();
  const desk = useDesk();
  const me = cachedMe();
  const cooperativeId = params.cooperativeId || me?.roles.find((r) => r.role === 'coop_admin')?.cooperativeId || undefined;
  const [status, setStatus] = useState<HazardStatus | ''>('');
  const [level, setLevel] = useState<HazardLevel | ''>('');
  const [source, setSource] = useState<FindingSource | ''>('');
  const [overdue, setOverdue] = useState<'true' | 'false' | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [enterpriseId, setEnterpriseId] = useState<string | undefined>(undefined);
  const [progress, setProgress] = useState<string | null>(null);

  const filters: HazardFilters = {
    view: 'all',
    cooperativeId,
    enterpriseId,
    status: status || undefined,
    level: level || undefined,
    source: source || undefined,
    overdue: overdue || undefined,
    from: from || undefined,
    to: to || undefined,
  };
  const key = JSON.stringify(filters);
  const list = usePagedQuery((page) => listHazards(filters, page, desk ? 50 : 20), [key], { refetchOnShow: true });
  const summary = useQuery(() => hazardSummary(cooperativeId), [cooperativeId], { refetchOnShow: true });
  const items = list.data ?? [];
  const open = (h: Hazard) => navigateTo(withQuery(ROUTES.hazard, { id: h.id }));
  const picked = summary.data?.items.find((r) => r.enterpriseId === enterpriseId);

  const exportLedger = async () => {
    if (progress) return;
    setProgress('正在生成台账…');
    try {
      if (process.env.TARO_ENV === 'h5') {
        const blob = await fetchWithProgress(ledgerUrl(filters), (p) => setProgress(`${p.rows !== null ? `共 ${p.rows} 条，` : ''}${progressText(p.received, p.total)}`));
        saveBlob(blob, ledgerFileName(shanghaiDate(new Date())));
      } else {
        await openDocument(ledgerUrl(filters), 'xlsx');
      }
    } catch (e) {
      toastError(e);
    } finally {
      setProgress(null);
    }
  };

  const reset = () => {
    setStatus('');
    setLevel('');
    setSource('');
    setOverdue('');
    setFrom('');
    setTo('');
    setEnterpriseId(undefined);
  };

  return (
    <View className='page ledger'>
      <View className='card ledger__head'>
        <Text className='card__title'>隐患台账</Text>
        <Text className='card__meta'>按条件筛选后导出 Excel（序号、企业、车间/部位、隐患描述、类别、等级……验收人、验收日期、状态）。</Text>
        <View className='card__actions'>
          <Button className='btn ledger__export' type='primary' loading={!!progress} disabled={!!progress} onClick={() => void exportLedger()}>
            导出 Excel
          </Button>
          <Button className='btn' fill='outline' onClick={reset}>
            清除筛选
          </Button>
        </View>
        {progress && <Text className='ledger__progress'>{progress}</Text>}
      </View>

      <View className='ledger__filters'>
        <Chips name='status' label='状态' value={status} options={STATUS_OPTIONS} onChange={setStatus} />
        <Chips name='level' label='等级' value={level} options={LEVEL_OPTIONS} onChange={setLevel} />
        <Chips name='overdue' label='逾期' value={overdue} options={OVERDUE_OPTIONS} onChange={setOverdue} />
        <Chips name='source' label='发现方式' value={source} options={SOURCE_OPTIONS} onChange={setSource} />
        <View className='ledger__dates'>
          <DateField name='from' label='发现日期从' value={from} end={to || undefined} onChange={setFrom} />
          <DateField name='to' label='至' value={to} start={from || undefined} onChange={setTo} />
        </View>
      </View>

      <Text className='section-title'>成员企业隐患统计（逾期多的在前，点选筛选）</Text>
      <StateView query={summary} empty={summary.data?.items.length === 0} emptyText='暂无成员企业的隐患。'>
        <SummaryTable rows={summary.data?.items ?? []} desk={desk} selected={enterpriseId} onPick={(r) => setEnterpriseId(r.enterpriseId === enterpriseId ? undefined : r.enterpriseId)} />
      </StateView>

      <Text className='section-title'>
        {picked ? `${picked.enterpriseName}的隐患` : '隐患清单'}
        {list.data ? `（${list.total} 条）` : ''}
      </Text>
      <StateView query={list} empty={items.length === 0} emptyText='没有符合条件的隐患。'>
        {desk ? (
          <HazardTable rows={items} showEnterprise onOpen={open} />
        ) : (
          items.map((h) => <HazardItem key={h.id} hazard={h} showEnterprise onOpen={open} />)
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

export default LedgerPage;
