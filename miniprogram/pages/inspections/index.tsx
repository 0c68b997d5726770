import { Text, View } from '@tarojs/components';
import { Button } from '../../components/nut';
import { navigateTo } from '../../lib/nav';
import { ROUTES } from '../../routes';

// The 检查 tab: the way in to scanning and the inspection list (both live in the inspect subpackage).
export function InspectionsPage() {
  return (
    <View className='page'>
      <View className='card'>
        <Text className='card__title'>检查</Text>
        <Text className='card__meta'>扫描车间二维码开始日巡查或继续互查；合作社安排的互查、“回头看”和反馈汇总都在检查记录里。</Text>
        <View className='card__actions'>
          <Button className='btn' type='primary' onClick={() => navigateTo(ROUTES.scan)}>
            扫码检查
          </Button>
          <Button className='btn' type='primary' fill='outline' onClick={() => navigateTo(ROUTES.inspectionList)}>
            检查记录
          </Button>
        </View>
      </View>
    </View>
  );
}

export default InspectionsPage;
