import Taro from '@tarojs/taro';
import { ApiError, toastError } from '../../../services/request';

export type FieldErrors = Record<string, string>;

/** Required fields left blank, in the form's own words. */
export function missing(values: Record<string, string>, labels: Record<string, string>): FieldErrors {
  const out: FieldErrors = {};
  for (const [key, label] of Object.entries(labels)) if (!values[key]?.trim()) out[key] = `请填写${label}`;
  return out;
}

/** Shows a failed save: the server's field errors beside their fields, and a toast. */
export function reportSaveError(e: unknown, setErrors: (errors: FieldErrors) => void): void {
  if (e instanceof ApiError && Object.keys(e.fields).length > 0) {
    setErrors(e.fields);
    void Taro.showToast({ title: '请检查标红的项目', icon: 'none' });
    return;
  }
  toastError(e);
}
