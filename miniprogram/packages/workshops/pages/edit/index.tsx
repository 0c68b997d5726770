import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { RISK_LEVELS, type RiskLevel } from '../../../../../shared/enums';
import { computeLec } from '../../../../../shared/lec';
import { RISK_LEVEL_LABELS, type CreateWorkshopBody, type Workshop } from '../../../../../shared/schemas/workshops';
import { FormField } from '../../../../components/form-field';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { ApiError, toastError } from '../../../../services/request';
import { createWorkshop, getWorkshop, rotateWorkshopToken, updateWorkshop } from '../../../../services/workshops';
import { Chips } from '../../components/chips';
import { LecCalculator, lecComplete, type LecDraft } from '../../components/lec-calculator';
import { Button } from '../../components/nut';
import { enterpriseOf } from '../../lib/enterprise';
import './index.scss';

interface Draft {
  name: string;
  location: string;
  responsiblePerson: string;
  riskLevel: RiskLevel | null;
  useLec: boolean;
  lec: LecDraft;
}

const EMPTY: Draft = { name: '', location: '', responsiblePerson: '', riskLevel: null, useLec: false, lec: { l: null, e: null, c: null } };

function draftOf(w: Workshop): Draft {
  return {
    name: w.name,
    location: w.location,
    responsiblePerson: w.responsiblePerson,
    riskLevel: w.riskLevel,
    useLec: !!w.lec,
    lec: w.lec ? { l: w.lec.l, e: w.lec.e, c: w.lec.c } : { l: null, e: null, c: null },
  };
}

/** New or edit a workshop: name, place, responsible person, risk level by hand or by the LEC method. */
export function WorkshopEditPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const enterpriseId = enterpriseOf(params.enterpriseId);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  const query = useQuery(() => getWorkshop(id), [id], { enabled: !!id });
  useEffect(() => {
    if (query.data) setDraft(draftOf(query.data));
  }, [query.data]);

  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    const errs: Record<string, string> = {};
    if (!draft.name.trim()) errs.name = '请填写车间名称';
    if (draft.useLec && !lecComplete(draft.lec)) errs.lec = '请选齐 L、E、C 三项';
    if (!draft.useLec && !draft.riskLevel) errs.riskLevel = '请选择风险等级';
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    const body: CreateWorkshopBody = {
      name: draft.name.trim(),
      location: draft.location.trim(),
      responsiblePerson: draft.responsiblePerson.trim(),
      ...(draft.useLec && lecComplete(draft.lec)
        ? { lec: { l: draft.lec.l, e: draft.lec.e, c: draft.lec.c } }
        : { riskLevel: draft.riskLevel ?? undefined }),
    };
    setBusy(true);
    try {
      const saved = id
        ? await updateWorkshop(id, { ...body, ...(draft.useLec ? {} : { lec: null }) })
        : await createWorkshop(enterpriseId, body);
      if (id) query.setData(saved);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      if (!id) setTimeout(() => void Taro.navigateBack().catch(() => undefined), 600);
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length > 0) setErrors(e.fields);
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const rotate = async () => {
    const { confirm } = await Taro.showModal({
      title: '更换二维码',
      content: '更换后，已张贴的旧标签扫码将提示“二维码已失效”，需要重新打印并张贴新标签。确定更换吗？',
      confirmText: '更换',
      cancelText: '取消',
      confirmColor: '#d4380d',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      query.setData(await rotateWorkshopToken(id));
      void Taro.showToast({ title: '已更换，请重新打印标签', icon: 'none' });
    } catch (e) {
      toastError(e);
    } finally {
      setBusy(false);
    }
  };

  const computed = draft.useLec && lecComplete(draft.lec) ? computeLec(draft.lec) : null;
  return (
    <View className='page workshop-edit'>
      <StateView query={id ? query : undefined} error={!id && !enterpriseId ? '缺少企业参数' : undefined}>
        <Text className='section-title'>{id ? '编辑车间/风险点' : '新增车间/风险点'}</Text>
        <FormField label='车间/风险点名称' name='workshopName' value={draft.name} error={errors.name} maxlength={60} placeholder='如：乙炔充装车间' onInput={(name) => set({ name })} />
        <FormField label='位置' name='location' value={draft.location} error={errors.location} maxlength={120} placeholder='如：厂区东侧 2 号厂房' onInput={(location) => set({ location })} />
        <FormField label='负责人' name='responsiblePerson' value={draft.responsiblePerson} error={errors.responsiblePerson} maxlength={40} onInput={(responsiblePerson) => set({ responsiblePerson })} />
        <View className='workshop-edit__mode'>
          <Button size='small' type={draft.useLec ? 'default' : 'primary'} onClick={() => set({ useLec: false })}>
            直接选择等级
          </Button>
          <Button size='small' type={draft.useLec ? 'primary' : 'default'} onClick={() => set({ useLec: true })}>
            LEC 法计算
          </Button>
        </View>
        {draft.useLec ? (
          <View>
            <LecCalculator value={draft.lec} onChange={(lec) => set({ lec })} />
            {errors.lec && <Text className='field__error workshop-edit__lec-error'>{errors.lec}</Text>}
          </View>
        ) : (
          <Chips
            label='风险等级'
            chips={RISK_LEVELS.map((r) => ({ value: r, label: RISK_LEVEL_LABELS[r] }))}
            value={draft.riskLevel}
            onChange={(riskLevel) => set({ riskLevel })}
            error={errors.riskLevel}
          />
        )}
        {computed && <Text className='hint'>保存后风险等级为：{RISK_LEVEL_LABELS[computed.level]}</Text>}
        <Button className='block-btn' block type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
          保存
        </Button>
        {query.data && (
          <View className='card'>
            <Text className='card__meta'>
              手输码 <Text className='workshop-edit__code'>{query.data.manualCode}</Text>（扫码不便时输入）
            </Text>
            {query.data.canManage && (
              <View className='card__actions'>
                <Button className='btn' type='danger' fill='outline' disabled={busy} onClick={() => void rotate()}>
                  更换二维码（旧标签作废）
                </Button>
              </View>
            )}
          </View>
        )}
      </StateView>
    </View>
  );
}

export default WorkshopEditPage;
