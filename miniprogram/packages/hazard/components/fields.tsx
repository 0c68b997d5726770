import { Picker, Text, Textarea, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { ApiError, toastError } from '../../../services/request';
// the .field look (white row, label, error) lives with FormField in the main package
import '../../../components/form-field.scss';
import './fields.scss';

/** An error belongs to the value it was given for: once the person edits the field, it clears (as in FormField). */
function useFieldError(value: string, error: string | undefined): string | undefined {
  const [errorValue, setErrorValue] = useState(value);
  useEffect(() => {
    setErrorValue(value);
    // only a new error re-arms it, not every keystroke
  }, [error]);
  return error && value === errorValue ? error : undefined;
}

/** A labelled multi-line text with its error under it. */
export function TextAreaField(props: { label: string; value: string; error?: string; placeholder?: string; maxlength?: number; name: string; onInput: (v: string) => void }) {
  const error = useFieldError(props.value, props.error);
  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
      <Text className='field__label'>{props.label}</Text>
      <Textarea
        className={`hz-field__textarea hz-field--${props.name}`}
        value={props.value}
        maxlength={props.maxlength ?? 1000}
        autoHeight
        placeholder={props.placeholder}
        onInput={(e) => props.onInput(e.detail.value)}
      />
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}

/** A labelled calendar date (YYYY-MM-DD, Beijing) chosen from the native picker. */
export function DateField(props: { label: string; value: string; start?: string; end?: string; error?: string; name: string; onChange: (v: string) => void }) {
  const error = useFieldError(props.value, props.error);
  return (
    <View className={`field${error ? ' field--invalid' : ''}`}>
      <Text className='field__label'>{props.label}</Text>
      <Picker mode='date' value={props.value} start={props.start} end={props.end} onChange={(e) => props.onChange(String(e.detail.value))}>
        <Text className={`hz-field__date hz-field--${props.name}`}>{props.value || '请选择日期'}</Text>
      </Picker>
      {error && <Text className='field__error'>{error}</Text>}
    </View>
  );
}

/** A money amount typed on a phone keyboard: a number ≥ 0 with at most 2 decimals, or null. */
export function parseMoney(v: string): number | null {
  const t = v.trim();
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return null;
  return Number(t);
}

/** A server refusal: field errors go beside their fields (returned), anything else is toasted. */
export function fieldErrorsOf(e: unknown): Record<string, string> {
  if (e instanceof ApiError && e.status === 422 && Object.keys(e.fields).length > 0) {
    // `photoIds.0` and the like belong to their field
    return Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.split('.')[0], v]));
  }
  toastError(e);
  return {};
}
