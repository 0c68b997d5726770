import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ACTIVITY_KIND_LABELS, type Activity, type ActivityDetails } from '../../../../../shared/schemas/activities';
import type { UploadedFile } from '../../../../../shared/schemas/files';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { primeSubscribe } from '../../../../lib/subscribe';
import { formatDate, formatDateTime } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { attendanceXlsxUrl, getActivity, getAttendance } from '../../../../services/activities';
import { openPdf } from '../../../../services/hazards';
import { toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import { CAN_SCAN, SCAN_ELSEWHERE, scanAndCheckin } from '../../lib/checkin';
import { downloadXlsx, xlsxName } from '../../lib/export';
import '../../components/calendar.scss';

function openMaterial(f: UploadedFile): void {
  if (f.mime === 'application/pdf') void openPdf(f.url).catch(toastError);
  else void Taro.previewImage({ urls: [f.signedUrl], current: f.signedUrl }).catch(() => undefined);
}

/** What the record holds beyond the basics: minutes and follow-ups, the drill's plan and findings, the outline. */
function Details({ d }: { d: ActivityDetails }) {
  if (d.kind === 'meeting') {
    return (
      <View className='card'>
        <Text className='cal__section'>会议纪要</Text>
        <Text className='cal__text'>{d.minutes || '（未填写）'}</Text>
        {d.decisions.length > 0 && <Text className='cal__section'>议定事项</Text>}
        {d.decisions.map((x, i) => (
          <Text key={i} className='cal__text'>
            {i + 1}. {x}
          </Text>
        ))}
        {d.followUps.length > 0 && <Text className='cal__section'>跟进事项</Text>}
        {d.followUps.map((f, i) => (
          <Text key={i} className='cal__text'>
            {f.text}
            {f.owner ? ` · ${f.owner}` : ''}
            {f.dueOn ? ` · ${formatDate(f.dueOn)} 前` : ''}
          </Text>
        ))}
      </View>
    );
  }
  if (d.kind === 'drill') {
    return (
      <View className='card'>
        <Text className='cal__section'>演练预案：{d.emergencyPlan}</Text>
        {d.scenario && <Text className='cal__text'>情景：{d.scenario}</Text>}
        {d.participants && <Text className='cal__text'>参演：{d.participants}</Text>}
        {d.findings && <Text className='cal__text'>发现的问题：{d.findings}</Text>}
      </View>
    );
  }
  return d.outline ? (
    <View className='card'>
      <Text className='cal__section'>内容提要</Text>
      <Text className='cal__text'>{d.outline}</Text>
    </View>
  ) : null;
}

/** The organiser's view of who came: present of invited, per member enterprise, and the absent. */
function AttendancePanel({ id }: { id: string }) {
  const q = useQuery(() => getAttendance(id), [id], { refetchOnShow: true });
  const a = q.data;
  return (
    <View className='card'>
      <Text className='cal__section'>签到情况{a ? ` ${a.present}/${a.invited}` : ''}</Text>
      <StateView query={q}>
        {a && (
          <View>
            {a.byEnterprise.map((e) => (
              <View key={e.enterpriseId} className='cal__person'>
                <Text>{e.enterpriseName}</Text>
                <Text className={e.present >= e.invited ? 'cal__done' : ''}>
                  {e.present}/{e.invited}
                </Text>
              </View>
            ))}
            {a.absent.length > 0 && <Text className='card__meta'>未签到：{a.absent.map((p) => p.name).join('、')}</Text>}
          </View>
        )}
      </StateView>
    </View>
  );
}

/** One activity: when, where, who hosts, materials, the record; sign in, or (organiser) show the code and attendance. */
export function ActivityDetailPage() {
  // the template ids read ahead: WeChat only shows the subscribe prompt close to the tap
  useEffect(primeSubscribe, []);
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(() => getActivity(id), [id], { enabled: !!id, refetchOnShow: true });
  const a: Activity | undefined = query.data;

  const scan = async () => {
    const res = await scanAndCheckin(id);
    if (res) await query.reload();
  };

  const [progress, setProgress] = useState<string | null>(null);
  const exportSheet = async () => {
    if (progress || !a) return;
    setProgress('正在生成签到表…');
    try {
      await downloadXlsx(attendanceXlsxUrl(id), xlsxName(`签到表-${a.title}-${formatDate(a.startsAt)}`), (p) => setProgress(p));
    } catch (e) {
      toastError(e);
    } finally {
      setProgress(null);
    }
  };

  return (
    <View className='page cal'>
      <StateView query={query} error={id ? query.error : '缺少活动参数'}>
        {a && (
          <View>
            <View className='card'>
              <View className='cal__line'>
                <Text className={`tag cal__kind cal__kind--${a.kind}`}>{ACTIVITY_KIND_LABELS[a.kind]}</Text>
                <Text className='card__title'>{a.title}</Text>
              </View>
              <Text className='card__meta'>
                {formatDateTime(a.startsAt)}
                {a.endsAt ? ` – ${formatDateTime(a.endsAt).slice(11)}` : ''}
              </Text>
              <Text className='card__meta'>
                {a.place} · 主讲/主持 {a.hostName}
              </Text>
              <Text className='card__meta'>
                {a.cooperativeName} · 签到 {a.checkedInCount}/{a.invitedCount}
              </Text>
              {a.myCheckinAt && <Text className='cal__done cal__mine'>我已于 {formatDateTime(a.myCheckinAt)} 签到</Text>}
              {a.description && <Text className='cal__text'>{a.description}</Text>}
            </View>
            {(a.canCheckin || a.canManage) && (
              <View className='block-btn block-btn--stack'>
                {a.canCheckin && CAN_SCAN && (
                  <Button className='cal__scan' type='primary' block onClick={() => void scan()}>
                    扫码签到
                  </Button>
                )}
                {a.canCheckin && !CAN_SCAN && <Text className='cal__hint'>{SCAN_ELSEWHERE}</Text>}
                {a.canManage && (
                  <Button className='cal__show-code' type='primary' fill='outline' block onClick={() => navigateTo(withQuery(ROUTES.activityCode, { id }))}>
                    出示签到码
                  </Button>
                )}
                {a.canManage && (
                  <Button className='cal__complete' fill='outline' block onClick={() => navigateTo(withQuery(ROUTES.activityEdit, { id }))}>
                    完善记录
                  </Button>
                )}
                {a.canManage && (
                  <Button className='cal__export' fill='outline' block loading={!!progress} disabled={!!progress} onClick={() => void exportSheet()}>
                    导出签到表
                  </Button>
                )}
                {progress && <Text className='cal__hint'>{progress}</Text>}
              </View>
            )}
            {a.materials.length > 0 && (
              <View className='card'>
                <Text className='cal__section'>活动资料</Text>
                {a.materials.map((f, i) => (
                  <Text key={f.id} className='cal__link' onClick={() => openMaterial(f)}>
                    资料 {i + 1}（{f.mime === 'application/pdf' ? 'PDF' : '图片'}，{Math.max(1, Math.round(f.size / 1024))} KB）›
                  </Text>
                ))}
              </View>
            )}
            {a.details && <Details d={a.details} />}
            {a.canManage && <AttendancePanel id={id} />}
          </View>
        )}
      </StateView>
    </View>
  );
}

export default ActivityDetailPage;
