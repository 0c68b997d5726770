import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { shanghaiDate } from '../../../../../shared/dates';
import { FormField } from '../../../../components/form-field';
import { HazardStatusTag, LevelTag } from '../../../../components/hazard-item';
import { StateView } from '../../../../components/state-view';
import { askSubscribe, primeSubscribe } from '../../../../lib/subscribe';
import { useQuery } from '../../../../hooks/use-query';
import { uuid } from '../../../../lib/offline-queue';
import { formatDate } from '../../../../lib/time';
import { cachedMe, fetchMe } from '../../../../services/auth';
import { choosePhotos, uploadPhoto } from '../../../../services/files';
import { getHazard, submitRectification } from '../../../../services/hazards';
import { DateField, fieldErrorsOf, parseMoney, TextAreaField } from '../../components/fields';
import { Button } from '../../components/nut';
import { LocalPhotos, ServerPhotos } from '../../components/photos';
import { backToHazard } from '../../lib/back';
import { isConflict, showConflict } from '../../lib/act';
import '../../../../components/hazard-item.scss';
import '../../components/fields.scss';

const MAX_PHOTOS = 9;

/** 提交整改: measures, cost, who was responsible, the day it was done, after-photos; then it waits for verification. */
export function RectifyPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const query = useQuery(() => getHazard(id), [id], { enabled: !!id });
  const h = query.data;
  const today = shanghaiDate(new Date());
  const [measures, setMeasures] = useState('');
  const [cost, setCost] = useState('');
  const [responsible, setResponsible] = useState(() => cachedMe()?.name ?? '');
  const [completedOn, setCompletedOn] = useState(today);
  const [photos, setPhotos] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  // one rectification per form: a retry after a lost answer sends the same clientId, and photos go up once
  const [clientId] = useState(uuid);
  const uploaded = useRef(new Map<string, string>());
  // the template ids read ahead, so the submit tap can ask at once
  useEffect(primeSubscribe, []);
  useEffect(() => {
    // the person filling the form is usually the one responsible
    if (!responsible) void fetchMe().then((m) => setResponsible((cur) => cur || m.name), () => undefined);
  }, []);

  const addPhotos = async () => {
    const picked = await choosePhotos(Math.min(3, MAX_PHOTOS - photos.length));
    setPhotos((cur) => [...cur, ...picked].slice(0, MAX_PHOTOS));
    if (picked.length > 0) setErrors(({ photoIds: _done, ...rest }) => rest);
  };

  const validate = (): Record<string, string> => {
    const e: Record<string, string> = {};
    if (!measures.trim()) e.measures = '请填写整改措施';
    if (parseMoney(cost) === null) e.cost = '请填写整改资金（元，可为 0）';
    if (!responsible.trim()) e.responsible = '请填写整改责任人';
    if (photos.length === 0) e.photoIds = '请至少上传一张整改后照片';
    return e;
  };

  const submit = async () => {
    if (!h) return;
    const e = validate();
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    // asked at the tap, before the uploads (WeChat refuses the prompt later); the submission goes on meanwhile
    void askSubscribe('rectification_submitted');
    try {
      setBusy('上传照片…');
      const photoIds: string[] = [];
      for (const p of photos) {
        let fileId = uploaded.current.get(p);
        if (!fileId) {
          fileId = (await uploadPhoto(p, h.workshopId ? { workshopId: h.workshopId } : {})).id;
          uploaded.current.set(p, fileId);
        }
        photoIds.push(fileId);
      }
      setBusy('提交中…');
      const body = { clientId, measures: measures.trim(), cost: parseMoney(cost) ?? 0, responsible: responsible.trim(), photoIds, completedOn };
      await submitRectification(id, body);
      await Taro.showToast({ title: '已提交，等待验收', icon: 'success' }).catch(() => undefined);
      backToHazard(id);
    } catch (err) {
      // someone else moved it meanwhile: say so and show its state now; field errors stay beside their fields
      if (isConflict(err)) await showConflict(query.reload);
      else setErrors(fieldErrorsOf(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className='page rectify'>
      <StateView query={query} error={id ? query.error : '缺少隐患参数'}>
        {h && (
          <View>
            <View className='card hz-form__intro'>
              <View>
                <LevelTag level={h.level} />
                <HazardStatusTag status={h.status} />
              </View>
              <Text className='card__title rectify__desc'>{h.description}</Text>
              <Text className='card__meta'>
                {h.workshopName ? `${h.workshopName} · ` : ''}整改期限 {formatDate(h.deadline)}
              </Text>
              <ServerPhotos ids={h.photoIds} label='整改前' />
            </View>
            {h.status !== 'reported' && <Text className='hint'>这条隐患当前不能提交整改（可能已提交或已处理）。</Text>}
            <TextAreaField name='measures' label='整改措施' value={measures} error={errors.measures} placeholder='做了什么：更换、加装、清理、培训……' onInput={setMeasures} />
            <FormField label='整改资金（元）' type='digit' value={cost} error={errors.cost} placeholder='0.00' onInput={setCost} />
            <FormField label='整改责任人' value={responsible} error={errors.responsible} maxlength={40} onInput={setResponsible} />
            <DateField name='completedOn' label='完成日期' value={completedOn} end={today} error={errors.completedOn} onChange={setCompletedOn} />
            <View className={`field${errors.photoIds ? ' field--invalid' : ''}`}>
              <Text className='field__label'>整改后照片（{photos.length}/{MAX_PHOTOS}）</Text>
              <LocalPhotos paths={photos} max={MAX_PHOTOS} required onAdd={() => void addPhotos()} onRemove={(p) => setPhotos((cur) => cur.filter((x) => x !== p))} />
              {errors.photoIds && <Text className='field__error'>{errors.photoIds}</Text>}
            </View>
            <View className='hz-form__submit'>
              <Button className='rectify__submit' type='primary' block loading={!!busy} disabled={!!busy || h.status !== 'reported'} onClick={() => void submit()}>
                {busy ?? '提交整改，申请验收'}
              </Button>
            </View>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default RectifyPage;
