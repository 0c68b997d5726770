import type { ZodIssue } from 'zod';
import { isValidCreditCode, normalizeCreditCode } from '../../../../shared/credit-code';
import { enterpriseInputSchema, type EnterpriseInput } from '../../../../shared/schemas/org';

export type EnterpriseFormValues = Record<keyof EnterpriseInput, string>;
export type FieldErrors = Partial<Record<string, string>>;

export const ENTERPRISE_LABELS: Record<keyof EnterpriseInput, string> = {
  name: '企业名称',
  creditCode: '统一社会信用代码',
  industry: '所属行业',
  address: '地址',
  headcount: '从业人数',
  contactName: '联系人',
  contactPhone: '联系电话',
};

export const EMPTY_ENTERPRISE: EnterpriseFormValues = {
  name: '',
  creditCode: '',
  industry: '',
  address: '',
  headcount: '',
  contactName: '',
  contactPhone: '',
};

function issueText(issue: ZodIssue, label: string): string {
  switch (issue.code) {
    case 'invalid_type':
      return `请填写${label}`;
    case 'too_small':
      return Number(issue.minimum) <= 1 ? `请填写${label}` : `${label}至少 ${String(issue.minimum)}${issue.type === 'string' ? ' 个字' : ''}`;
    case 'too_big':
      return `${label}不能超过 ${String(issue.maximum)}${issue.type === 'string' ? ' 个字' : ''}`;
    default:
      // refine/regex messages in the shared schemas are already Chinese
      return /[\u4e00-\u9fa5]/.test(issue.message) ? issue.message : `${label}格式不正确`;
  }
}

const updateSchema = enterpriseInputSchema.omit({ creditCode: true });

function collect(issues: ZodIssue[], errors: FieldErrors, values: Partial<EnterpriseFormValues>): void {
  for (const issue of issues) {
    const key = String(issue.path[0]) as keyof EnterpriseInput;
    if (errors[key]) continue;
    const label = ENTERPRISE_LABELS[key] ?? key;
    // a blank field reads "请填写…", whatever rule the schema broke first
    errors[key] = (values[key] ?? '').trim() === '' ? `请填写${label}` : issueText(issue, label);
  }
}

function toInput(values: EnterpriseFormValues) {
  const headcount = values.headcount.trim() === '' ? Number.NaN : Number(values.headcount);
  return { ...values, creditCode: normalizeCreditCode(values.creditCode), headcount: Number.isInteger(headcount) ? headcount : undefined };
}

/** New enterprise: validates with the shared zod schema; the body or Chinese errors by field. */
export function validateEnterprise(
  values: EnterpriseFormValues,
): { ok: true; value: EnterpriseInput } | { ok: false; errors: FieldErrors } {
  const input = toInput(values);
  const errors: FieldErrors = {};
  if (input.creditCode && !isValidCreditCode(input.creditCode)) {
    errors.creditCode = '统一社会信用代码不正确（应为 18 位且校验位正确）';
  }
  const parsed = enterpriseInputSchema.safeParse(input);
  if (!parsed.success) collect(parsed.error.issues, errors, values);
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, value: parsed.data };
}

/** Edit form: the credit code cannot change, every other field is checked like a new record. */
export function validateEnterpriseUpdate(
  values: EnterpriseFormValues,
): { ok: true; value: Omit<EnterpriseInput, 'creditCode'> } | { ok: false; errors: FieldErrors } {
  const { creditCode: _ignored, ...input } = toInput(values);
  const parsed = updateSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors: FieldErrors = {};
  collect(parsed.error.issues, errors, values);
  return { ok: false, errors };
}
