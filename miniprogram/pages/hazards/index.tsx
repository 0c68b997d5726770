import { View } from '@tarojs/components';
import { ComingSoon } from '../../components/coming-soon';

export function HazardsPage() {
  return (
    <View className='page'>
      <ComingSoon
        title='隐患闭环即将上线'
        intro='这里将列出本企业和合作社的隐患，跟踪整改直到验收销号。'
        features={[
          '隐患清单：待整改、待验收、已销号，逾期醒目提示',
          '提交整改措施、费用和整改后照片',
          '互查发现的隐患由其他成员或专家验收',
          '整改期限提醒通过微信订阅消息送达',
        ]}
      />
    </View>
  );
}

export default HazardsPage;
