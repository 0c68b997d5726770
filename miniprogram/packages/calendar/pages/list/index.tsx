import { Text, View } from '@tarojs/components';
import { useEffect, useMemo, useState } from 'react';
import { ACTIVITY_KIND_LABELS, type ActivitySummary } from '../../../../../shared/schemas/activities';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { primeSubscribe } from '../../../../lib/subscribe';
import { formatDate, formatDateTime } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { attendanceSummaryUrl, listActivities } from '../../../../services/activities';
import { cachedMe, fetchMe } from '../../../../services/auth';
import { toastError } from '../../../../services/request';
import { MonthGrid } from '../../components/month-grid';
import { Button } from '../../components/nut';
import { CAN_SCAN, SCAN_ELSEWHERE, scanAndCheckin } from '../../lib/checkin';
import { downloadXlsx, pickOrganisedCoop, xlsxName } from '../../lib/export';
import { organisesAny } from '../../lib/organiser';
import { dayLabel, monthLabel, monthRange, shiftMonth, thisMonth } from '../../lib/month';
import '../../components/calendar.scss';

/** The cooperative's activities month by month, grouped by day; 扫码签到 at the venue. */
export function ActivityListPage() {
  // the template ids read ahead: WeChat only shows the subscribe prompt close to the tap
  useEffect(primeSubscribe, []);
  const [month, setMonth] = useState(thisMonth);
  const [day, setDay] = useState<string | null>(null);
  const pickMonth = (by: number) => {
    setDay(null);
    setMonth((m) => shiftMonth(m, by));
  };
  const query = useQuery(() => listActivities(monthRange(month), 1, 100), [month], { refetchOnShow: true });
  const items = query.data?.items ?? [];
  const days = useMemo(() => {
    const byDay = new Map<string, ActivitySummary[]>();
    for (const a of items) {
      const d = formatDate(a.startsAt);
      byDay.set(d, [...(byDay.get(d) ?? []), a]);
    }
    return [...byDay.entries()];
  }, [items]);
  const shown = day ? days.filter(([d]) => d === day) : days;

  const scan = async () => {
    const res = await scanAndCheckin();
    if (res) navigateTo(withQuery(ROUTES.activity, { id: res.activityId }));
  };

  // coop admins and supervisors organise; the server checks each cooperative
  const me = useQuery(async () => cachedMe() ?? fetchMe(), []);
  const organiser = organisesAny(me.data);
  const [progress, setProgress] = useState<string | null>(null);
  const exportSummary = async () => {
    if (progress) return;
    setProgress('正在生成出勤汇总…');
    try {
      const coop = await pickOrganisedCoop();
      if (!coop) return;
      const { from, to } = monthRange(month);
      await downloadXlsx(attendanceSummaryUrl(coop.id, from, to), xlsxName(`出勤汇总-${coop.name}-${from}至${to}`), (p) => setProgress(p));
    } catch (e) {
      toastError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <View className='page cal'>
      <View className='cal__month'>
        <Text className='cal__nav' onClick={() => pickMonth(-1)}>
          ‹ 上月
        </Text>
        <Text className='cal__title'>{monthLabel(month)}</Text>
        <Text className='cal__nav' onClick={() => pickMonth(1)}>
          下月 ›
        </Text>
      </View>
      {CAN_SCAN ? (
        <View className='block-btn'>
          <Button className='cal__scan' type='primary' block onClick={() => void scan()}>
            扫码签到
          </Button>
        </View>
      ) : (
        <Text className='cal__hint'>{SCAN_ELSEWHERE}</Text>
      )}
      {organiser && (
        <View className='cal__actions'>
          <Button className='cal__new' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.activityEdit)}>
            新建活动
          </Button>
          <Button className='cal__export-summary' fill='outline' loading={!!progress} disabled={!!progress} onClick={() => void exportSummary()}>
            导出出勤汇总（{monthLabel(month)}）
          </Button>
        </View>
      )}
      {progress && <Text className='cal__hint'>{progress}</Text>}
      <MonthGrid month={month} busyDays={new Set(days.map(([d]) => d))} today={formatDate(new Date())} selected={day} onPick={setDay} />
      <StateView query={query} empty={shown.length === 0} emptyText={day ? `${dayLabel(day)}没有活动。` : `${monthLabel(month)}没有活动。`}>
        {shown.map(([day, list]) => (
          <View key={day} className='cal__day'>
            <Text className='cal__date'>{dayLabel(day)}</Text>
            {list.map((a) => (
              <View key={a.id} className='card cal__item' onClick={() => navigateTo(withQuery(ROUTES.activity, { id: a.id }))}>
                <View className='cal__line'>
                  <Text className={`tag cal__kind cal__kind--${a.kind}`}>{ACTIVITY_KIND_LABELS[a.kind]}</Text>
                  <Text className='card__title'>{a.title}</Text>
                </View>
                <Text className='card__meta'>
                  {formatDateTime(a.startsAt).slice(11)} · {a.place} · {a.hostName}
                </Text>
                <Text className='card__meta'>
                  签到 {a.checkedInCount}/{a.invitedCount}
                  {a.myCheckinAt ? ' · 我已签到' : a.invited ? ' · 邀请了我' : ''}
                </Text>
              </View>
            ))}
          </View>
        ))}
      </StateView>
    </View>
  );
}

export default ActivityListPage;
