import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Region } from '../../../../../shared/schemas/org';
import { FormField } from '../../../../components/form-field';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { createRegion, listRegions } from '../../../../services/org';
import { ChoiceChips } from '../../components/choice-chips';
import { Button, Cell, CellGroup } from '../../components/nut';
import { type FieldErrors, missing, reportSaveError } from '../../lib/form';

/** 区域管理 (platform admin): districts and their towns; add either. */
export function RegionsPage() {
  const regions = useQuery(listRegions, []);
  const [name, setName] = useState('');
  const [parentId, setParentId] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const items = regions.data?.items ?? [];
  const districts = items.filter((r) => r.level === 'district');
  const townsOf = (d: Region) => items.filter((r) => r.parentId === d.id);

  const save = async () => {
    const errs = missing({ name }, { name: '区域名称' });
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    setBusy(true);
    try {
      const created = await createRegion({ name: name.trim(), ...(parentId ? { parentId } : {}) });
      if (regions.data) regions.setData({ items: [...regions.data.items, created] });
      setName('');
      void Taro.showToast({ title: `已添加 ${created.name}`, icon: 'success' });
    } catch (e) {
      reportSaveError(e, setErrors);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className='page'>
      <Text className='section-title'>新增区域</Text>
      <FormField label='区域名称' name='regionName' value={name} error={errors.name} maxlength={60} placeholder='例如 东港区、涛雒镇' onInput={setName} />
      <ChoiceChips
        label='上级区县（不选则新增区县）'
        choices={districts.map((d) => ({ value: d.id, label: d.name }))}
        value={parentId}
        error={errors.parentId}
        onChange={setParentId}
        emptyText='还没有区县：先新增一个区县'
      />
      <View className='block-btn'>
        <Button className='regions__save' block type='primary' loading={busy} disabled={busy} onClick={() => void save()}>
          {parentId ? '新增乡镇' : '新增区县'}
        </Button>
      </View>
      <StateView query={regions} empty={items.length === 0 && !!regions.data} emptyText='还没有区域。'>
        {districts.map((d) => (
          <CellGroup key={d.id} title={d.name} className='regions__district'>
            {townsOf(d).length === 0 && <Cell title='暂无乡镇' />}
            {townsOf(d).map((t) => (
              <Cell key={t.id} title={t.name} extra='乡镇' />
            ))}
          </CellGroup>
        ))}
      </StateView>
    </View>
  );
}

export default RegionsPage;
