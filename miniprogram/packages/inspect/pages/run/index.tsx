import { View } from '@tarojs/components';

// placeholder until the page is built
export default function Placeholder() {
  return <View className='page' />;
}
