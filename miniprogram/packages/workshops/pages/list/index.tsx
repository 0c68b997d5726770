import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Workshop } from '../../../../../shared/schemas/workshops';
import { DataTable, type Column } from '../../../../components/data-table';
import { StateView } from '../../../../components/state-view';
import { useDesk } from '../../../../hooks/use-desk';
import { useQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { ROUTES, withQuery } from '../../../../routes';
import { canEditEnterprise } from '../../../../../shared/policy';
import { cachedMe, fetchMe, principalOf } from '../../../../services/auth';
import { getEnterprise } from '../../../../services/org';
import { toastError } from '../../../../services/request';
import { fetchQrLabelsPdf, listWorkshops } from '../../../../services/workshops';
import { Button, Cell, CellGroup } from '../../components/nut';
import { RiskTag } from '../../../../components/risk-tag';
import { enterpriseOf } from '../../lib/enterprise';
import './index.scss';

/** 车间与风险点: an enterprise's workshops with their risk colour and manual code; labels to print (browser). */
export function WorkshopListPage() {
  const { params } = useRouter();
  const enterpriseId = enterpriseOf(params.enterpriseId);
  const desk = useDesk();
  const [printing, setPrinting] = useState(false);

  const list = useQuery(
    async () => {
      const cached = cachedMe();
      const [enterprise, res, me] = await Promise.all([getEnterprise(enterpriseId), listWorkshops(enterpriseId), cached ? Promise.resolve(cached) : fetchMe()]);
      const cooperativeIds = enterprise.memberships.filter((m) => !m.until).map((m) => m.cooperativeId);
      // the same rule as the server: the enterprise's own people and its coop admins manage workshops
      const canManage = canEditEnterprise(principalOf(me), { id: enterprise.id, cooperativeIds, regionIds: [] });
      return { enterprise, items: res.items, canManage };
    },
    [enterpriseId],
    { enabled: !!enterpriseId, refetchOnShow: true },
  );

  const items = list.data?.items ?? [];
  const canManage = !!list.data?.canManage;
  const open = (w: Workshop) => navigateTo(withQuery(ROUTES.workshopEdit, { enterpriseId, id: w.id }));

  const printLabels = async () => {
    setPrinting(true);
    // open the tab now (a window opened after an await is blocked as a pop-up), fill it when the PDF is here
    const tab = window.open('', '_blank');
    try {
      const url = await fetchQrLabelsPdf(enterpriseId);
      if (tab) tab.location.href = url;
      else window.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      tab?.close();
      toastError(e);
    } finally {
      setPrinting(false);
    }
  };

  const columns: Column<Workshop>[] = [
    { key: 'name', title: '车间/风险点', width: 2, render: (w) => <Text className='workshops__name'>{w.name}</Text> },
    { key: 'location', title: '位置', width: 2, render: (w) => w.location || '—' },
    { key: 'person', title: '负责人', width: 1.2, render: (w) => w.responsiblePerson || '—' },
    { key: 'risk', title: '风险等级', width: 1.2, render: (w) => <RiskTag level={w.riskLevel} /> },
    { key: 'lec', title: 'LEC (D值)', width: 1, render: (w) => (w.lec ? String(w.lec.d) : '—') },
    { key: 'code', title: '手输码', width: 1.2, render: (w) => <Text className='workshops__code'>{w.manualCode}</Text> },
  ];

  return (
    <View className='page workshops'>
      <StateView query={list} error={enterpriseId ? list.error : '缺少企业参数'}>
        {list.data && (
          <View>
            <View className='card'>
              <Text className='card__title'>{list.data.enterprise.name}</Text>
              <Text className='card__meta'>
                共 {items.length} 个车间/风险点。每个车间张贴一张二维码标签，扫码即可开始日巡查或继续互查。
              </Text>
              {canManage && (
                <View className='card__actions'>
                  <Button className='btn' type='primary' onClick={() => navigateTo(withQuery(ROUTES.workshopEdit, { enterpriseId }))}>
                    新增车间
                  </Button>
                  {process.env.TARO_ENV === 'h5' && items.length > 0 && (
                    <Button className='btn workshops__print' type='primary' fill='outline' loading={printing} disabled={printing} onClick={() => void printLabels()}>
                      打印二维码标签
                    </Button>
                  )}
                </View>
              )}
              {printing && <Text className='workshops__printing'>正在生成标签 PDF，请稍候…</Text>}
            </View>
            {items.length === 0 && <Text className='hint hint--center'>还没有登记车间。{canManage ? '点“新增车间”登记第一个。' : ''}</Text>}
            {items.length === 0 ? null : desk ? (
              <DataTable columns={columns} rows={items} rowKey={(w) => w.id} onRowClick={open} clickable={(w) => w.canManage} />
            ) : (
              <CellGroup className='workshops__list'>
                {items.map((w) => (
                  <Cell
                    key={w.id}
                    className='workshops__item'
                    align='center'
                    title={
                      <View>
                        <Text className='workshops__name'>{w.name}</Text>
                        <RiskTag level={w.riskLevel} />
                      </View>
                    }
                    description={`${w.location || '未填位置'} · 负责人 ${w.responsiblePerson || '未填'} · 手输码 ${w.manualCode}`}
                    extra={w.canManage ? '编辑' : undefined}
                    onClick={w.canManage ? () => open(w) : undefined}
                  />
                ))}
              </CellGroup>
            )}
          </View>
        )}
      </StateView>
    </View>
  );
}

export default WorkshopListPage;
