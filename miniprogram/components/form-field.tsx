import { Input, Text, View } from '@tarojs/components';
import { type ReactNode, useEffect, useState } from 'react';
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
  /** Enter on a keyboard / 完成 on a phone: e.g. submit the form. */
  onConfirm?: () => void;
  /** Custom control instead of the text input (e.g. a picker). */
  children?: ReactNode;
}

/** A labelled input with its field error shown right under it. */
export function FormField(props: FormFieldProps) {
  // An error belongs to the value it was given for: once the person edits the field, it clears.
  const [errorValue, setErrorValue] = useState(props.value);
  useEffect(() => {
    setErrorValue(props.value);
    // only a new error re-arms it, not every keystroke
  }, [props.error]);
  const error = props.error && (props.value === undefined || props.value === errorValue) ? props.error : undefined;
  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
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
          onConfirm={() => props.onConfirm?.()}
        />
      )}
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}
