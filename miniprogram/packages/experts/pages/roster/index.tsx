import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { Expert, ExpertStats } from '../../../../../shared/schemas/experts';
import { type Column, DataTable } from '../../../../components/data-table';
import { StateView } from '../../../../components/state-view';
import { useDesk } from '../../../../hooks/use-desk';
import { useQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { managedPlaces, managesAny, placeKey, placeRef } from '../../../../lib/places';
import { ROUTES } from '../../../../routes';
import { cachedMe, fetchMe } from '../../../../services/auth';
import { expertStats, listExperts } from '../../../../services/experts';
import { listCooperatives, listRegions } from '../../../../services/org';
import { Button } from '../../components/nut';
import '../../components/experts.scss';

const serves = (x: Expert): string => x.cooperativeName ?? x.regionName ?? '—';

const COLUMNS: Column<Expert>[] = [
  { key: 'name', title: '姓名', render: (x) => <Text className='exp__name'>{x.name}</Text> },
  { key: 'field', title: '专业领域', render: (x) => <Text>{x.field}</Text> },
  { key: 'title', title: '职称 / 单位', width: 2, render: (x) => <Text>{x.title ?? '—'}</Text> },
  { key: 'certs', title: '证书', width: 2, render: (x) => <Text>{x.certificates.join('、') || '—'}</Text> },
  { key: 'serves', title: '服务范围', width: 1.5, render: (x) => <Text>{serves(x)}</Text> },
  { key: 'visits', title: '上门（完成/安排）', render: (x) => <Text>{`${x.visitsDone}/${x.visits}`}</Text> },
];

/** The counters as bars: plain Views whose widths are the share of the largest number. */
function StatsBars({ s }: { s: ExpertStats }) {
  const bars = [
    { label: '待上门', value: s.visits.planned },
    { label: '检查中', value: s.visits.inProgress },
    { label: '已完成上门', value: s.visits.done },
    { label: '专家参与人次', value: s.engagements },
    { label: '参与专家', value: s.experts },
    { label: '发现隐患', value: s.hazardsFound },
  ];
  const max = Math.max(1, ...bars.map((b) => b.value));
  return (
    <View className='card exp__stats'>
      <Text className='exp__section'>专家上门 {s.visits.total} 次</Text>
      {bars.map((b) => (
        <View key={b.label} className='exp__bar-row'>
          <Text className='exp__bar-label'>{b.label}</Text>
          <View className='exp__bar-track'>
            <View className='exp__bar-fill' style={{ width: `${(b.value / max) * 100}%` }} />
          </View>
          <Text className='exp__bar-value'>{b.value}</Text>
        </View>
      ))}
    </View>
  );
}

/** 专家库 (supervisor, coop admin): the experts serving a place with their visits, and that place's counters. */
export function RosterPage() {
  const desk = useDesk();
  const [placeId, setPlaceId] = useState('');
  const places = useQuery(async () => {
    const [me, regions, coops] = await Promise.all([cachedMe() ?? fetchMe(), listRegions(), listCooperatives(1, 100)]);
    return { list: managedPlaces(me, regions.items, coops.items, true), canRegister: managesAny(me) };
  }, []);
  const place = places.data?.list.find((p) => placeKey(p) === placeId);
  const data = useQuery(
    async () => {
      const ref = placeRef(place);
      const [experts, stats] = await Promise.all([listExperts(ref), expertStats(ref)]);
      return { experts: experts.items, total: experts.total, stats };
    },
    [placeId],
    { enabled: !!places.data, refetchOnShow: true },
  );
  const list = places.data?.list ?? [];

  return (
    <View className='page exp exp-roster'>
      <StateView query={places}>
        {places.data?.canRegister && (
          <View className='block-btn exp__register-btn'>
            <Button className='exp__register' type='primary' block onClick={() => navigateTo(ROUTES.expertRegister)}>
              登记专家
            </Button>
          </View>
        )}
        {list.length > 1 && (
          <View className='exp__bar'>
            <Text className={`exp__chip${placeId === '' ? ' exp__chip--on' : ''}`} onClick={() => setPlaceId('')}>
              全部
            </Text>
            {list.map((p) => (
              <Text key={placeKey(p)} className={`exp__chip exp__place${placeId === placeKey(p) ? ' exp__chip--on' : ''}`} onClick={() => setPlaceId(placeKey(p))}>
                {p.name}（{p.label}）
              </Text>
            ))}
          </View>
        )}
        <StateView query={data}>
          {data.data && (
            <View className={desk ? 'exp__desk' : ''}>
              <StatsBars s={data.data.stats} />
              <View className='card'>
                <Text className='exp__section'>专家 {data.data.total} 人{place ? ` · 登记于${place.name}` : ''}</Text>
                {data.data.experts.length === 0 && <Text className='card__meta'>还没有登记专家。</Text>}
                {desk && data.data.experts.length > 0 && <DataTable className='exp__table' columns={COLUMNS} rows={data.data.experts} rowKey={(x) => x.userId} />}
                {!desk &&
                  data.data.experts.map((x) => (
                    <View key={x.userId} className='exp__rx exp__expert'>
                      <View className='exp__line'>
                        <Text className='card__title'>{x.name}</Text>
                        <Text className='tag exp__status'>{x.field}</Text>
                      </View>
                      {x.title && <Text className='card__meta'>{x.title}</Text>}
                      {x.certificates.length > 0 && <Text className='card__meta'>证书：{x.certificates.join('、')}</Text>}
                      <Text className='card__meta'>
                        服务：{serves(x)} · 上门 {x.visitsDone}/{x.visits} 次已完成
                      </Text>
                    </View>
                  ))}
              </View>
            </View>
          )}
        </StateView>
      </StateView>
    </View>
  );
}

export default RosterPage;
