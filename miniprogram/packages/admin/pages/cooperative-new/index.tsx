import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { INDUSTRIES } from '../../../../../shared/enums';
import type { Cooperative } from '../../../../../shared/schemas/org';
import { FormField } from '../../../../components/form-field';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { navigateTo, relaunch } from '../../../../lib/nav';
import { ROUTES, withQuery } from '../../../../routes';
import { createCooperative, listRegions } from '../../../../services/org';
import { ChoiceChips } from '../../components/choice-chips';
import { Button } from '../../components/nut';
import { type FieldErrors, missing, reportSaveError } from '../../lib/form';

const EMPTY = { name: '', regionId: '', industry: '', description: '' };

/** 新建合作社 (platform admin, or a supervisor in their region). */
export function CooperativeNewPage() {
  const regions = useQuery(listRegions, []);
  const [form, setForm] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Cooperative | null>(null);
  const set = (key: keyof typeof EMPTY) => (v: string) => setForm((f) => ({ ...f, [key]: v }));

  const regionChoices = (regions.data?.items ?? []).map((r) => ({ value: r.id, label: r.level === 'town' ? r.name : `${r.name}（区县）` }));

  const save = async () => {
    const errs = missing(form, { name: '合作社名称', regionId: '所在区域', industry: '行业' });
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    try {
      const coop = await createCooperative({
        name: form.name.trim(),
        regionId: form.regionId,
        industry: form.industry,
        ...(form.description.trim() ? { description: form.description.trim() } : {}),
      });
      setCreated(coop);
      void Taro.showToast({ title: '合作社已建立', icon: 'success' });
    } catch (e) {
      reportSaveError(e, setErrors);
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='card__title'>已建立：{created.name}</Text>
          <Text className='card__meta'>
            {created.regionName} · {created.industry}
          </Text>
          <Text className='card__meta'>下一步：为合作社开设管理员桌面账号，或直接生成邀请码邀请企业加入。</Text>
          <View className='card__actions'>
            <Button className='btn' type='primary' onClick={() => navigateTo(withQuery(ROUTES.invite, { cooperativeId: created.id }))}>
              邀请成员
            </Button>
            <Button className='btn' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.userNew)}>
              开设管理员账号
            </Button>
          </View>
          <View className='card__actions'>
            <Button className='btn' onClick={() => relaunch(ROUTES.home)}>
              返回首页
            </Button>
            <Button
              className='btn'
              onClick={() => {
                setCreated(null);
                setForm(EMPTY);
              }}
            >
              再建一个
            </Button>
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className='page'>
      <StateView query={regions}>
        <FormField label='合作社名称' name='coopName' value={form.name} error={errors.name} maxlength={80} placeholder='例如 西湖镇安全生产互助合作社' onInput={set('name')} />
        <ChoiceChips
          label='所在区域'
          choices={regionChoices}
          value={form.regionId}
          error={errors.regionId}
          onChange={set('regionId')}
          emptyText='还没有区域：请先在“区域管理”中添加'
        />
        <ChoiceChips label='行业' choices={INDUSTRIES.map((i) => ({ value: i, label: i }))} value={form.industry} error={errors.industry} onChange={set('industry')} />
        <FormField label='简介（选填）' name='coopDescription' value={form.description} error={errors.description} maxlength={500} placeholder='成员范围、活动安排等' onInput={set('description')} />
        <View className='block-btn'>
          <Button className='cooperative-new__save' block type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
            建立合作社
          </Button>
        </View>
      </StateView>
    </View>
  );
}

export default CooperativeNewPage;
