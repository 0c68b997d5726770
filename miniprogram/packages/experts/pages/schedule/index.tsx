import { Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { shanghaiDate } from '../../../../../shared/dates';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { ROUTES, withQuery } from '../../../../routes';
import { createVisit, listExperts } from '../../../../services/experts';
import { listCooperatives, listEnterprises } from '../../../../services/org';
import { ApiError, toastError } from '../../../../services/request';
import { Button } from '../../components/nut';
import '../../../../components/form-field.scss';
import '../../components/experts.scss';

const chip = (on: boolean, label: string, onClick: () => void, key: string) => (
  <Text key={key} className={`exp__chip${on ? ' exp__chip--on' : ''}`} onClick={onClick}>
    {label}
  </Text>
);

/** 安排专家上门 (coop admin, supervisor): a member enterprise, an expert serving it, the date and the purpose. */
export function SchedulePage() {
  const { params } = useRouter();
  const [coopId, setCoopId] = useState(params.cooperativeId ?? '');
  const [enterpriseId, setEnterpriseId] = useState('');
  const [expertUserId, setExpertUserId] = useState('');
  const [date, setDate] = useState(() => shanghaiDate(new Date(Date.now() + 7 * 86400_000)));
  const [purpose, setPurpose] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const coops = useQuery(() => listCooperatives(1, 100), []);
  // one cooperative (a coop admin): no choice to make
  useEffect(() => {
    const list = coops.data?.items ?? [];
    if (!coopId && list.length === 1) setCoopId(list[0].id);
  }, [coops.data]);
  // experts of the places the caller oversees (the coop's own and its town's/district's); the server checks the pair
  const data = useQuery(
    async () => {
      const [members, experts] = await Promise.all([listEnterprises({ cooperativeId: coopId, pageSize: 100 }), listExperts()]);
      return { members: members.items, experts: experts.items };
    },
    [coopId],
    { enabled: !!coopId },
  );

  const submit = async () => {
    const e: Record<string, string> = {};
    if (!enterpriseId) e.enterpriseId = '请选择企业';
    if (!expertUserId) e.expertUserId = '请选择专家';
    if (purpose.trim().length < 2) e.purpose = '请填写检查目的或重点';
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    try {
      const v = await createVisit({ enterpriseId, expertUserId, scheduledOn: date, purpose: purpose.trim() });
      void Taro.showToast({ title: '已安排，专家和企业会收到通知', icon: 'none' }).catch(() => undefined);
      void Taro.redirectTo({ url: withQuery(ROUTES.expertVisit, { id: v.id }) }).catch(() => undefined);
    } catch (err) {
      if (err instanceof ApiError && err.status === 422 && Object.keys(err.fields).length > 0) setErrors(err.fields);
      else toastError(err);
    } finally {
      setBusy(false);
    }
  };

  const coopList = coops.data?.items ?? [];
  return (
    <View className='page exp'>
      <StateView query={coops}>
        {!params.cooperativeId && coopList.length > 1 && (
          <View className='field'>
            <Text className='field__label'>合作社</Text>
            <View className='exp__chips'>{coopList.map((c) => chip(coopId === c.id, c.name, () => setCoopId(c.id), c.id))}</View>
          </View>
        )}
        {coopId && (
          <StateView query={data}>
            {data.data && (
              <View>
                <View className={`field${errors.enterpriseId ? ' field--invalid' : ''}`}>
                  <Text className='field__label'>上门企业</Text>
                  <View className='exp__chips'>{data.data.members.map((m) => chip(enterpriseId === m.id, m.name, () => setEnterpriseId(m.id), m.id))}</View>
                  {errors.enterpriseId && <Text className='field__error'>{errors.enterpriseId}</Text>}
                </View>
                <View className={`field${errors.expertUserId ? ' field--invalid' : ''}`}>
                  <Text className='field__label'>专家</Text>
                  {data.data.experts.length === 0 && <Text className='card__meta'>本社及所在镇、区还没有登记专家。</Text>}
                  <View className='exp__chips'>
                    {data.data.experts.map((x) => chip(expertUserId === x.userId, `${x.name}（${x.field}${x.title ? ` · ${x.title}` : ''}）`, () => setExpertUserId(x.userId), x.userId))}
                  </View>
                  {errors.expertUserId && <Text className='field__error'>{errors.expertUserId}</Text>}
                </View>
                <View className={`field${errors.scheduledOn ? ' field--invalid' : ''}`}>
                  <Text className='field__label'>上门日期</Text>
                  <Picker mode='date' value={date} start={shanghaiDate(new Date())} onChange={(ev) => setDate(String(ev.detail.value))}>
                    <Text className='exp__date'>{date}</Text>
                  </Picker>
                  {errors.scheduledOn && <Text className='field__error'>{errors.scheduledOn}</Text>}
                </View>
                <View className={`field${errors.purpose ? ' field--invalid' : ''}`}>
                  <Text className='field__label'>检查目的 / 重点</Text>
                  <Textarea className='exp__textarea exp__purpose' value={purpose} maxlength={500} autoHeight placeholder='如：乙炔站防爆电气专项检查' onInput={(ev) => setPurpose(ev.detail.value)} />
                  {errors.purpose && <Text className='field__error'>{errors.purpose}</Text>}
                </View>
                <View className='block-btn'>
                  <Button className='exp__submit' type='primary' block loading={busy} disabled={busy} onClick={() => void submit()}>
                    安排上门
                  </Button>
                </View>
              </View>
            )}
          </StateView>
        )}
      </StateView>
    </View>
  );
}

export default SchedulePage;
