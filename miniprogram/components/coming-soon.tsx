import { Text, View } from '@tarojs/components';
import './coming-soon.scss';

export interface ComingSoonProps {
  title: string;
  intro: string;
  features: string[];
}

/** An honest placeholder for a capability that is not built yet: says what will come, shows no fake data. */
export function ComingSoon({ title, intro, features }: ComingSoonProps) {
  return (
    <View className='soon'>
      <Text className='soon__badge'>即将上线</Text>
      <Text className='soon__title'>{title}</Text>
      <Text className='soon__intro'>{intro}</Text>
      <View className='soon__list'>
        {features.map((f) => (
          <Text key={f} className='soon__item'>
            · {f}
          </Text>
        ))}
      </View>
    </View>
  );
}
