import { Text, View } from '@tarojs/components';
import './choice-chips.scss';

export interface Choice {
  value: string;
  label: string;
}

export interface ChoiceChipsProps {
  label: string;
  choices: Choice[];
  value: string;
  onChange: (value: string) => void;
  error?: string;
  /** Shown when there is nothing to choose from. */
  emptyText?: string;
}

/** A labelled one-of-several choice as tappable chips: every option visible, one tap, no picker overlay. */
export function ChoiceChips({ label, choices, value, onChange, error, emptyText }: ChoiceChipsProps) {
  return (
    <View className={`field choice${error ? ' field--invalid' : ''}`}>
      <Text className='field__label'>{label}</Text>
      <View className='choice__list'>
        {choices.length === 0 && <Text className='card__meta'>{emptyText ?? '暂无可选项'}</Text>}
        {choices.map((c) => (
          <Text
            key={c.value}
            className={`choice__chip${c.value === value ? ' choice__chip--on' : ''}`}
            onClick={() => onChange(c.value === value ? '' : c.value)}
          >
            {c.label}
          </Text>
        ))}
      </View>
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}
