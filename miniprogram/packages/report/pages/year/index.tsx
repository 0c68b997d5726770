import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { shanghaiDate } from '../../../../../shared/dates';
import type { ActivityKind, ActivityStats } from '../../../../../shared/schemas/activities';
import type { ExpertStats } from '../../../../../shared/schemas/experts';
import type { Cooperative, Region } from '../../../../../shared/schemas/org';
import { DataTable } from '../../../../components/data-table';
import { StateView } from '../../../../components/state-view';
import { useDesk } from '../../../../hooks/use-desk';
import { useQuery } from '../../../../hooks/use-query';
import { managedPlaces, placeKey, placeRef, type Place } from '../../../../lib/places';
import { cachedMe } from '../../../../services/auth';
import { listCooperatives, listRegions } from '../../../../services/org';
import { activityStats, expertStats } from '../../../../services/stats';
import { activityBars, type Bar, type Period, periods, visitBars, yearSentence } from '../../lib/year';
import '../../../../components/data-table.scss';
import './index.scss';

interface Counters {
  activities: ActivityStats;
  experts: ExpertStats;
}
interface CoopRow extends Counters {
  coop: Cooperative;
}
interface Year {
  total: Counters;
  /** For a town or the district: each cooperative in it (at most MAX_ROWS). */
  byCoop: CoopRow[];
}

const MAX_ROWS = 30;

const kinds = (r: Counters, ...ks: ActivityKind[]): number => ks.reduce((sum, k) => sum + (r.activities.byKind[k] ?? 0), 0);

/** The places this person may read: the cooperatives the server lists for them, the regions they oversee. */
function readablePlaces(regions: Region[], coops: Cooperative[]): Place[] {
  const me = cachedMe() ?? undefined;
  const regionPlaces = managedPlaces(me, regions, coops, true).filter((p) => p.kind === 'region');
  return [...regionPlaces, ...coops.map((c): Place => ({ kind: 'cooperative', id: c.id, name: c.name, label: '合作社' }))];
}

/** The cooperatives inside a region and its towns. */
function coopsIn(regionId: string, regions: Region[], coops: Cooperative[]): Cooperative[] {
  const ids = new Set([regionId, ...regions.filter((r) => r.parentId === regionId).map((r) => r.id)]);
  return coops.filter((c) => ids.has(c.regionId));
}

async function loadCounters(place: Place, { from, to }: Period): Promise<Counters> {
  const [activities, experts] = await Promise.all([activityStats(placeRef(place), from, to), expertStats(placeRef(place), from, to)]);
  return { activities, experts };
}

function Bars({ title, rows, unit }: { title: string; rows: Bar[]; unit: string }) {
  return (
    <View className='card yr__chart'>
      <Text className='yr__section'>{title}</Text>
      {rows.map((b) => (
        <View key={b.key} className={`yr__bar yr__bar--${b.key}`}>
          <Text className='yr__bar-label'>{b.label}</Text>
          <View className='yr__bar-track'>
            <View className='yr__bar-fill' style={{ width: `${b.pct}%` }} />
          </View>
          <Text className='yr__bar-value'>
            {b.value}
            {unit}
          </Text>
        </View>
      ))}
    </View>
  );
}

function Figure({ value, label }: { value: number | string; label: string }) {
  return (
    <View className='yr__figure'>
      <Text className='yr__figure-value'>{value}</Text>
      <Text className='yr__figure-label'>{label}</Text>
    </View>
  );
}

/** 年度统计: the counters of a cooperative, a town or the district for the last 12 months or a year, as figures, bars and a sentence. */
export function YearPage() {
  const desk = useDesk();
  const [options] = useState(() => periods(shanghaiDate(new Date())));
  const [period, setPeriod] = useState<Period>(options[0]);
  const [picked, setPicked] = useState<string | null>(null);

  const where = useQuery(async () => {
    const [regions, coops] = await Promise.all([listRegions(), listCooperatives(1, 100)]);
    return { regions: regions.items, coops: coops.items, places: readablePlaces(regions.items, coops.items) };
  }, []);
  const places = where.data?.places ?? [];
  const place = places.find((p) => placeKey(p) === picked) ?? places[0];

  const key = place ? `${placeKey(place)}@${period.key}` : '';
  const stats = useQuery(
    async (): Promise<Year> => {
      if (!place || !where.data) throw new Error('没有可查看的合作社或区域');
      const inside = place.kind === 'region' ? coopsIn(place.id, where.data.regions, where.data.coops).slice(0, MAX_ROWS) : [];
      const [total, byCoop] = await Promise.all([
        loadCounters(place, period),
        Promise.all(inside.map(async (coop): Promise<CoopRow> => ({ coop, ...(await loadCounters({ kind: 'cooperative', id: coop.id, name: coop.name, label: '合作社' }, period)) }))),
      ]);
      return { total, byCoop };
    },
    [key],
    { enabled: !!place, refetchOnShow: true },
  );
  const y = stats.data;

  return (
    <View className={`page yr${desk ? ' yr--desk' : ''}`}>
      <StateView query={where} empty={!!where.data && places.length === 0} emptyText='加入合作社或获得监管区域后，这里显示年度统计'>
        <View className='card yr__pickers'>
          <View className='yr__chips'>
            {places.map((p) => (
              <Text key={placeKey(p)} className={`yr__chip yr__place${place && placeKey(p) === placeKey(place) ? ' yr__chip--on' : ''}`} onClick={() => setPicked(placeKey(p))}>
                {p.name}
                <Text className='yr__chip-kind'>{p.label}</Text>
              </Text>
            ))}
          </View>
          <View className='yr__chips'>
            {options.map((p) => (
              <Text key={p.key} className={`yr__chip yr__period yr__period-${p.key}${p.key === period.key ? ' yr__chip--on' : ''}`} onClick={() => setPeriod(p)}>
                {p.label}
              </Text>
            ))}
          </View>
        </View>
        <StateView query={stats}>
          {y && place && (
            <View>
              <View className='card yr__lead'>
                <Text className='yr__sentence'>{yearSentence(place.name, period.label, y.total.activities, y.total.experts)}</Text>
              </View>
              <View className='yr__figures'>
                <Figure value={y.total.activities.total} label='活动场次' />
                <Figure value={y.total.activities.attendance} label='参加人次' />
                <Figure value={y.total.experts.engagements} label='专家参与人次' />
                <Figure value={`${y.total.experts.visits.done}/${y.total.experts.visits.total}`} label='专家上门 完成/安排' />
                <Figure value={y.total.experts.hazardsFound} label='专家发现隐患' />
              </View>
              <View className='yr__charts'>
                <Bars title='学习、交流与演练' rows={activityBars(y.total.activities)} unit='次' />
                <Bars title='专家上门“把脉问诊”' rows={visitBars(y.total.experts)} unit='次' />
              </View>
              {y.byCoop.length > 0 && (
                <View className='card'>
                  <Text className='yr__section'>各合作社</Text>
                  <DataTable
                    className='yr__table'
                    rows={y.byCoop}
                    rowKey={(r) => r.coop.id}
                    columns={[
                      { key: 'name', title: '合作社', width: 3, render: (r) => <Text>{r.coop.name}</Text> },
                      { key: 'study', title: '学习', render: (r) => <Text>{kinds(r, 'study', 'teaching')}</Text> },
                      { key: 'exchange', title: '交流', render: (r) => <Text>{kinds(r, 'exchange', 'meeting')}</Text> },
                      { key: 'drill', title: '演练', render: (r) => <Text>{kinds(r, 'drill')}</Text> },
                      { key: 'att', title: '参加人次', render: (r) => <Text>{r.activities.attendance}</Text> },
                      { key: 'exp', title: '专家人次', render: (r) => <Text>{r.experts.engagements}</Text> },
                    ]}
                  />
                </View>
              )}
            </View>
          )}
        </StateView>
      </StateView>
    </View>
  );
}

export default YearPage;
