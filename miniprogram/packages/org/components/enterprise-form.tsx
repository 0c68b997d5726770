import { Picker, Text, View } from '@tarojs/components';
import { INDUSTRIES } from '../../../../shared/enums';
import { FormField } from '../../../components/form-field';
import { ENTERPRISE_LABELS, type EnterpriseFormValues, type FieldErrors } from '../lib/enterprise-validation';

export interface EnterpriseFormProps {
  values: EnterpriseFormValues;
  errors: FieldErrors;
  onChange: (values: EnterpriseFormValues) => void;
  /** The credit code is fixed once registered. */
  lockCreditCode?: boolean;
}

const INDUSTRY_OPTIONS: string[] = [...INDUSTRIES];

export function EnterpriseForm({ values, errors, onChange, lockCreditCode }: EnterpriseFormProps) {
  const set = (key: keyof EnterpriseFormValues) => (v: string) => onChange({ ...values, [key]: v });
  const industryIndex = Math.max(0, INDUSTRY_OPTIONS.indexOf(values.industry));
  return (
    <View>
      <FormField label={ENTERPRISE_LABELS.name} name='name' value={values.name} error={errors.name} maxlength={100} placeholder='营业执照上的名称' onInput={set('name')} />
      <FormField
        label={ENTERPRISE_LABELS.creditCode}
        name='creditCode'
        value={values.creditCode}
        error={errors.creditCode}
        maxlength={18}
        disabled={lockCreditCode}
        placeholder='18 位，营业执照上可见'
        onInput={(v) => set('creditCode')(v.toUpperCase())}
      />
      <FormField label={ENTERPRISE_LABELS.industry} error={errors.industry}>
        <Picker
          className='field__picker'
          mode='selector'
          range={INDUSTRY_OPTIONS}
          value={industryIndex}
          onChange={(e) => set('industry')(INDUSTRY_OPTIONS[Number(e.detail.value)] ?? '')}
        >
          <Text className='field__input'>{values.industry || '请选择行业'}</Text>
        </Picker>
      </FormField>
      <FormField label={ENTERPRISE_LABELS.address} name='address' value={values.address} error={errors.address} maxlength={200} placeholder='生产经营地址' onInput={set('address')} />
      <FormField label={ENTERPRISE_LABELS.headcount} name='headcount' type='number' value={values.headcount} error={errors.headcount} maxlength={6} placeholder='从业人员数量' onInput={set('headcount')} />
      <FormField label={ENTERPRISE_LABELS.contactName} name='contactName' value={values.contactName} error={errors.contactName} maxlength={40} placeholder='安全负责人或联系人' onInput={set('contactName')} />
      <FormField label={ENTERPRISE_LABELS.contactPhone} name='contactPhone' value={values.contactPhone} error={errors.contactPhone} maxlength={13} placeholder='手机或带区号的座机' onInput={set('contactPhone')} />
    </View>
  );
}
