import { Text, View } from '@tarojs/components';
import './chips.scss';

export interface Chip<V extends string | number> {
  value: V;
  label: string;
  hint?: string;
}

/** One-of-several as tappable chips: every option visible, one tap, no picker overlay. */
export function Chips<V extends string | number>(props: {
  label: string;
  chips: Chip<V>[];
  value: V | null;
  onChange: (v: V) => void;
  error?: string;
  className?: string;
}) {
  return (
    <View className={`field chips ${props.className ?? ''}${props.error ? ' field--invalid' : ''}`}>
      <Text className='field__label'>{props.label}</Text>
      <View className='chips__list'>
        {props.chips.map((c) => (
          <View
            key={String(c.value)}
            className={`chips__chip${c.value === props.value ? ' chips__chip--on' : ''}`}
            onClick={() => props.onChange(c.value)}
          >
            <Text className='chips__value'>{c.label}</Text>
            {c.hint && <Text className='chips__hint'>{c.hint}</Text>}
          </View>
        ))}
      </View>
      {props.error && <Text className='field__error'>{props.error}</Text>}
    </View>
  );
}
