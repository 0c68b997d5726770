import { Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { shanghaiDate } from '../../../../../shared/dates';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS, type Activity } from '../../../../../shared/schemas/activities';
import { FormField } from '../../../../components/form-field';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { formatDateTime } from '../../../../lib/time';
import { ROUTES, withQuery } from '../../../../routes';
import { createActivity, getActivity, updateActivity } from '../../../../services/activities';
import { cachedMe, fetchMe } from '../../../../services/auth';
import { listCooperatives, listEnterprises, listRegions } from '../../../../services/org';
import { ApiError, toastError } from '../../../../services/request';
import { DetailsEditor } from '../../components/details-editor';
import { type Attachment, AttachmentsEditor } from '../../../../components/attachments-editor';
import { uuid } from '../../../../lib/offline-queue';
import { Button } from '../../components/nut';
import { type OrganisedCoop, organisedCoops } from '../../lib/organiser';
import { type BasicsForm, type DetailsForm, checkCreate, checkUpdate, detailsFormOf, emptyBasics, emptyDetails } from '../../lib/activity-form';
import '../../../../components/form-field.scss';
import '../../components/calendar.scss';

// as many as createActivitySchema's materialIds allows
const MAX_MATERIALS = 20;

/** Create: the cooperatives the person may organise for. Edit: the activity. */
async function loadEditor(id: string): Promise<{ activity: Activity | null; coops: OrganisedCoop[] }> {
  if (id) return { activity: await getActivity(id), coops: [] };
  const [me, regions, coops] = await Promise.all([cachedMe() ?? fetchMe(), listRegions(), listCooperatives(1, 100)]);
  return { activity: null, coops: organisedCoops(me, regions.items, coops.items) };
}

const chip = (on: boolean, label: string, onClick: () => void, key: string, cls = '') => (
  <Text key={key} className={`cal__chip${cls}${on ? ' cal__chip--on' : ''}`} onClick={onClick}>
    {label}
  </Text>
);

/**
 * 新建活动 (coop admin, supervisor over the cooperative) and, with ?id=, 完善记录: the organiser adds the
 * description, materials and the record (minutes after the meeting, a drill's findings). Checked with the
 * shared schema before sending; one request per tap.
 */
export function ActivityEditPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(() => loadEditor(id), [id]);
  const activity = query.data?.activity ?? null;
  const coops = query.data?.coops ?? [];

  const [basics, setBasics] = useState<BasicsForm>(() => emptyBasics());
  const [details, setDetails] = useState<DetailsForm>(emptyDetails);
  const [description, setDescription] = useState('');
  const [materials, setMaterials] = useState<Attachment[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  // a second tap while the first is on its way must not post twice (state updates land a render later)
  const [clientId] = useState(uuid);
  const sending = useRef(false);
  const set = (patch: Partial<BasicsForm>) => setBasics((b) => ({ ...b, ...patch }));

  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '完善活动记录' }).catch(() => undefined);
  }, [id]);
  // the form starts from what was loaded: the activity being completed, or the only cooperative
  useEffect(() => {
    if (activity) {
      setDescription(activity.description);
      setMaterials(activity.materials.map((f) => ({ id: f.id, pdf: f.mime === 'application/pdf' })));
      setDetails(detailsFormOf(activity.details));
    } else if (coops.length === 1) set({ cooperativeId: coops[0].id });
  }, [query.data]);

  const members = useQuery(() => listEnterprises({ cooperativeId: basics.cooperativeId, pageSize: 100 }), [basics.cooperativeId], { enabled: !id && !!basics.cooperativeId });
  const toggleInvited = (e: string) => set({ invited: basics.invited.includes(e) ? basics.invited.filter((x) => x !== e) : [...basics.invited, e] });

  const invalid = (e: Record<string, string>): void => {
    setErrors(e);
    void Taro.showToast({ title: '请按提示修改', icon: 'none' }).catch(() => undefined);
    // the first field to fix may be far above the button: bring it into view once it is marked
    setTimeout(() => {
      try {
        void Taro.pageScrollTo({ selector: '.field--invalid', duration: 200 }).catch(() => undefined);
      } catch {
        // no page scrolling here (a test double): the marked field and the toast remain
      }
    }, 50);
  };

  const submit = async () => {
    if (sending.current || uploading) return;
    let send: () => Promise<Activity>;
    if (activity) {
      const checked = checkUpdate(activity.kind, details, materials.map((m) => m.id), description);
      if (!checked.ok) return invalid(checked.errors);
      send = () => updateActivity(activity.id, checked.body);
    } else {
      const checked = checkCreate(basics, details, materials.map((m) => m.id), description);
      if (!checked.ok) return invalid(checked.errors);
      // the form's own id: a re-send after a lost answer finds the activity already made
      send = () => createActivity({ ...checked.body, clientId });
    }
    setErrors({});
    // held from here: a second tap while the confirmation is open must not open another or post again
    sending.current = true;
    try {
      if (!activity) {
        const who = basics.invited.length ? `${basics.invited.length} 家受邀企业` : '全部成员企业';
        const ok = await Taro.showModal({ title: '发布活动', content: `发布后${who}的人员会收到活动邀请。`, confirmText: '发布' }).then((r) => r.confirm, () => false);
        if (!ok) return;
      }
      setBusy(activity ? '保存中…' : '发布中…');
      const saved = await send();
      void Taro.showToast({ title: activity ? '已保存' : '已发布', icon: 'success' }).catch(() => undefined);
      if (activity) void Taro.navigateBack().catch(() => Taro.redirectTo({ url: withQuery(ROUTES.activity, { id: saved.id }) }));
      else void Taro.redirectTo({ url: withQuery(ROUTES.activity, { id: saved.id }) }).catch(() => undefined);
    } catch (err) {
      if (err instanceof ApiError && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else toastError(err);
    } finally {
      sending.current = false;
      setBusy(null);
    }
  };

  const kind = activity?.kind ?? basics.kind;
  const noCoop = !id && query.data && coops.length === 0;
  return (
    <View className='page cal cal-edit'>
      <StateView query={query}>
        {noCoop && <Text className='hint'>只有合作社管理员和监管人员可以组织活动。</Text>}
        {activity && !activity.canManage && <Text className='hint'>只有活动的组织者可以完善记录。</Text>}
        {query.data && !noCoop && !(activity && !activity.canManage) && (
          <View className='cal-edit__form'>
            {activity ? (
              <View className='card'>
                <View className='cal__line'>
                  <Text className={`tag cal__kind cal__kind--${activity.kind}`}>{ACTIVITY_KIND_LABELS[activity.kind]}</Text>
                  <Text className='card__title'>{activity.title}</Text>
                </View>
                <Text className='card__meta'>
                  {formatDateTime(activity.startsAt)} · {activity.place} · {activity.hostName}
                </Text>
              </View>
            ) : (
              <View>
                {coops.length > 1 && (
                  <View className={`field${errors.cooperativeId ? ' field--invalid' : ''}`}>
                    <Text className='field__label'>合作社</Text>
                    <View className='cal__chips'>{coops.map((c) => chip(basics.cooperativeId === c.id, c.name, () => set({ cooperativeId: c.id, invited: [] }), c.id, ' cal__coop'))}</View>
                    {errors.cooperativeId && <Text className='field__error'>{errors.cooperativeId}</Text>}
                  </View>
                )}
                <View className='field'>
                  <Text className='field__label'>活动类型</Text>
                  <View className='cal__chips'>{ACTIVITY_KINDS.map((k) => chip(basics.kind === k, ACTIVITY_KIND_LABELS[k], () => set({ kind: k }), k, ` cal__pick-${k}`))}</View>
                </View>
                <FormField label='活动名称' name='title' value={basics.title} error={errors.title} maxlength={100} placeholder='如：冬季消防安全集中学习' onInput={(v) => set({ title: v })} />
                <View className={`field${errors.startsAt || errors.endsAt ? ' field--invalid' : ''}`}>
                  <Text className='field__label'>时间</Text>
                  <View className='cal__row'>
                    <Picker mode='date' value={basics.date} start={shanghaiDate(new Date(Date.now() - 30 * 86400_000))} onChange={(ev) => set({ date: String(ev.detail.value) })}>
                      <Text className='cal__picker cal__date-pick'>{basics.date}</Text>
                    </Picker>
                    <Picker mode='time' value={basics.start} onChange={(ev) => set({ start: String(ev.detail.value) })}>
                      <Text className='cal__picker cal__start-pick'>{basics.start}</Text>
                    </Picker>
                    <Text>至</Text>
                    <Picker mode='time' value={basics.end || basics.start} onChange={(ev) => set({ end: String(ev.detail.value) })}>
                      <Text className='cal__picker cal__end-pick'>{basics.end || '结束（可不填）'}</Text>
                    </Picker>
                    {basics.end && (
                      <Text className='cal__remove' onClick={() => set({ end: '' })}>
                        清除
                      </Text>
                    )}
                  </View>
                  {(errors.startsAt || errors.endsAt) && <Text className='field__error'>{errors.startsAt ?? errors.endsAt}</Text>}
                </View>
                <FormField label='地点' name='place' value={basics.place} error={errors.place} maxlength={200} placeholder='如：合作社会议室' onInput={(v) => set({ place: v })} />
                <FormField label={basics.kind === 'meeting' ? '主持人' : '主讲人'} name='hostName' value={basics.hostName} error={errors.hostName} maxlength={40} placeholder='姓名' onInput={(v) => set({ hostName: v })} />
                <View className={`field${errors.invitedEnterpriseIds ? ' field--invalid' : ''}`}>
                  <Text className='field__label'>邀请企业（{basics.invited.length ? `已选 ${basics.invited.length} 家` : '不选即邀请全部成员企业'}）</Text>
                  {basics.cooperativeId ? (
                    <StateView query={members} empty={members.data?.items.length === 0} emptyText='本合作社还没有成员企业。'>
                      <View className='cal__chips'>{(members.data?.items ?? []).map((m) => chip(basics.invited.includes(m.id), m.name, () => toggleInvited(m.id), m.id, ' cal__member'))}</View>
                    </StateView>
                  ) : (
                    <Text className='card__meta'>先选择合作社。</Text>
                  )}
                  {errors.invitedEnterpriseIds && <Text className='field__error'>{errors.invitedEnterpriseIds}</Text>}
                </View>
              </View>
            )}
            <View className={`field${errors.description ? ' field--invalid' : ''}`}>
              <Text className='field__label'>活动说明</Text>
              <Textarea className='cal__textarea cal__description' value={description} maxlength={2000} autoHeight placeholder='参加对象、要求等' onInput={(ev) => setDescription(ev.detail.value)} />
              {errors.description && <Text className='field__error'>{errors.description}</Text>}
            </View>
            <AttachmentsEditor label='活动资料' max={MAX_MATERIALS} value={materials} error={errors.materialIds} onChange={setMaterials} onBusy={setUploading} />
            <Text className='section-title'>{ACTIVITY_KIND_LABELS[kind]}记录</Text>
            <DetailsEditor kind={kind} value={details} errors={errors} onChange={setDetails} />
            <View className='block-btn'>
              <Button className='cal__submit' type='primary' block loading={!!busy} disabled={!!busy || uploading} onClick={() => void submit()}>
                {busy ?? (activity ? '保存记录' : '发布活动')}
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default ActivityEditPage;
