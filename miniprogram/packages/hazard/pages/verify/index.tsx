import { Text, View } from '@tarojs/components';
import type { Hazard } from '../../../../../shared/schemas/hazards';
import { HazardItem } from '../../../../components/hazard-item';
import { HazardTable } from '../../../../components/hazard-table';
import { StateView } from '../../../../components/state-view';
import { useDesk } from '../../../../hooks/use-desk';
import { usePagedQuery } from '../../../../hooks/use-query';
import { navigateTo } from '../../../../lib/nav';
import { ROUTES, withQuery } from '../../../../routes';
import { listHazards } from '../../../../services/hazards';
import { Button } from '../../components/nut';
import '../../../../components/hazard-item.scss';

/** The verification queue: fixes submitted and waiting for this person (finder, group leader, expert, coop admin). */
export function VerifyQueuePage() {
  const desk = useDesk();
  const list = usePagedQuery((page) => listHazards({ view: 'to_verify' }, page), [], { refetchOnShow: true });
  const items = list.data ?? [];
  const open = (h: Hazard) => navigateTo(withQuery(ROUTES.hazard, { id: h.id }));
  return (
    <View className='page verify'>
      <Text className='hint'>企业已提交整改、等您到现场或看照片核实的隐患。核实后在详情里“验收通过”或“退回整改”。</Text>
      <StateView query={list} empty={items.length === 0} emptyText='没有等您验收的隐患。'>
        <Text className='section-title'>共 {list.total} 条</Text>
        {desk ? (
          <HazardTable rows={items} showEnterprise onOpen={open} />
        ) : (
          items.map((h) => <HazardItem key={h.id} hazard={h} showEnterprise onOpen={open} />)
        )}
        {list.hasMore && (
          <View className='block-btn'>
            <Button block loading={list.loadingMore} disabled={list.loadingMore} onClick={() => void list.loadMore()}>
              加载更多
            </Button>
          </View>
        )}
      </StateView>
    </View>
  );
}

export default VerifyQueuePage;
