import { View } from '@tarojs/components';
import { ComingSoon } from '../../components/coming-soon';

export function InspectionsPage() {
  return (
    <View className='page'>
      <ComingSoon
        title='检查功能即将上线'
        intro='这里将用于日常自查、成员企业互查和专家上门检查。'
        features={[
          '扫描车间二维码开始日巡查，按检查表逐项记录',
          '合作社组织互查：分组、组长、被检查企业',
          '专家上门“把脉问诊”，出具整改处方',
          '“回头看”：自动带出上次检查未整改的隐患',
        ]}
      />
    </View>
  );
}

export default InspectionsPage;
