import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { CHECK_CATEGORY_LABELS, type ChecklistSummary } from '../../../../../shared/schemas/checklists';
import { StateView } from '../../../../components/state-view';
import { useQuery } from '../../../../hooks/use-query';
import { copyChecklist, getChecklist, listChecklists } from '../../../../services/checklists';
import { toastError } from '../../../../services/request';
import { Button, Cell, CellGroup } from '../../components/nut';
import './index.scss';

/** 检查表库: the platform's templates by industry and the cooperative's own copies; a coop admin copies one to edit. */
export function ChecklistsPage() {
  const { params } = useRouter();
  const cooperativeId = params.cooperativeId ?? '';
  const [openId, setOpenId] = useState('');
  const [copying, setCopying] = useState('');

  const list = useQuery(() => listChecklists(cooperativeId || undefined), [cooperativeId], { refetchOnShow: true });
  const detail = useQuery(() => getChecklist(openId), [openId], { enabled: !!openId });

  const copy = async (c: ChecklistSummary) => {
    const { confirm } = await Taro.showModal({
      title: '复制到本合作社',
      content: `复制“${c.name}”为本社检查表后可按需修改；修改会生成新版本，已进行的检查保留原版本。`,
      confirmText: '复制',
      cancelText: '取消',
    });
    if (!confirm) return;
    setCopying(c.id);
    try {
      await copyChecklist(c.id, { cooperativeId });
      void Taro.showToast({ title: '已复制', icon: 'success' });
      void list.reload();
    } catch (e) {
      toastError(e);
    } finally {
      setCopying('');
    }
  };

  const items = list.data?.items ?? [];
  const d = detail.data;
  const sections = d ? [...new Set(d.items.map((i) => i.section))] : [];
  return (
    <View className='page checklists'>
      <StateView query={list} empty={items.length === 0} emptyText='还没有检查表'>
        <Text className='section-title'>平台模板与本社检查表（{items.length}）</Text>
        <CellGroup className='checklists__list'>
          {items.map((c) => (
            <Cell
              key={c.id}
              align='center'
              title={c.name}
              description={`${c.cooperativeId ? '本社' : '平台模板'} · ${c.industry || '通用'} · ${c.itemCount} 项 · 第 ${c.version} 版`}
              extra={
                cooperativeId && !c.cooperativeId ? (
                  <Button size='small' type='primary' fill='outline' loading={copying === c.id} disabled={!!copying} onClick={(e) => (e.stopPropagation(), void copy(c))}>
                    复制
                  </Button>
                ) : undefined
              }
              onClick={() => setOpenId(openId === c.id ? '' : c.id)}
            />
          ))}
        </CellGroup>
        {openId && (
          <View className='card'>
            <StateView query={detail}>
              {d && (
                <View>
                  <Text className='card__title'>{d.name}</Text>
                  {sections.map((s) => (
                    <View key={s}>
                      <Text className='checklists__section'>{s}</Text>
                      {d.items
                        .filter((i) => i.section === s)
                        .map((i) => (
                          <Text key={i.id} className='checklists__item'>
                            {i.text}
                            {`（${CHECK_CATEGORY_LABELS[i.category]}${i.legalBasis ? ` · ${i.legalBasis}` : ''}${i.photoRequiredOnFail ? ' · 不合格须拍照' : ''}）`}
                          </Text>
                        ))}
                    </View>
                  ))}
                </View>
              )}
            </StateView>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default ChecklistsPage;
