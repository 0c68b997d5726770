import { Input, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './form-field.scss';

export interface FormFieldProps {
  label: string;
  error?: string;
  value?: string;
  placeholder?: string;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  password?: boolean;
  maxlength?: number;
  disabled?: boolean;
  name?: string;
  onInput?: (value: string) => void;
  /** Custom control instead of the text input (e.g. a picker). */
  children?: ReactNode;
}

/** A labelled input with its field error shown right under it. */
export function FormField(props: FormFieldProps) {
  return (
    <View className={`field${props.error ? ' field--invalid' : ''}`}>
      <Text className='field__label'>{props.label}</Text>
      {props.children ?? (
        <Input
          className='field__input'
          name={props.name}
          value={props.value}
          type={props.type ?? 'text'}
          password={props.password}
          placeholder={props.placeholder}
          maxlength={props.maxlength ?? 140}
          disabled={props.disabled}
          onInput={(e) => props.onInput?.(e.detail.value)}
        />
      )}
      {props.error && <Text className='field__error'>{props.error}</Text>}
    </View>
  );
}
