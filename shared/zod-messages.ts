import { z } from 'zod';

// Chinese wording for zod's built-in checks, so field errors can be shown to users as they are.
export const zhErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_type:
      if (issue.received === 'undefined') return { message: '必填' };
      return { message: `类型应为 ${issue.expected}，收到 ${issue.received}` };
    case z.ZodIssueCode.unrecognized_keys:
      return { message: `不允许的字段：${issue.keys.join('、')}` };
    case z.ZodIssueCode.too_small:
      // a field left empty says so, rather than counting characters
      if (issue.type === 'string') return { message: typeof ctx.data === 'string' && ctx.data.trim() === '' ? '请填写此项' : `至少 ${String(issue.minimum)} 个字符` };
      if (issue.type === 'array') return { message: `至少 ${String(issue.minimum)} 项` };
      return { message: `不能小于 ${String(issue.minimum)}` };
    case z.ZodIssueCode.too_big:
      if (issue.type === 'string') return { message: `最多 ${String(issue.maximum)} 个字符` };
      if (issue.type === 'array') return { message: `最多 ${String(issue.maximum)} 项` };
      return { message: `不能大于 ${String(issue.maximum)}` };
    case z.ZodIssueCode.invalid_enum_value:
      return { message: `取值应为 ${issue.options.join(' / ')}` };
    case z.ZodIssueCode.invalid_string:
      return { message: '格式不正确' };
    case z.ZodIssueCode.invalid_union:
      return { message: '内容不符合任何一种允许的格式' };
    default:
      return { message: ctx.defaultError };
  }
};

/** Flattens zod issues into the error body's `fields` map (docs/api.md): "path.to.field" → reason. */
export function issuesToFields(issues: z.ZodIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.code === z.ZodIssueCode.unrecognized_keys) {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = '不允许的字段';
      continue;
    }
    if (issue.code === z.ZodIssueCode.invalid_union && issue.unionErrors.length > 0) {
      // Report the branch the client meant: the one whose top-level keys fit best (fewest missing or
      // foreign keys), then the one with the fewest issues overall.
      const shapeMisses = (e: z.ZodError): number =>
        e.issues.filter(
          (i) =>
            i.path.length <= issue.path.length + 1 &&
            (i.code === z.ZodIssueCode.unrecognized_keys || (i.code === z.ZodIssueCode.invalid_type && i.received === 'undefined')),
        ).length;
      const best = [...issue.unionErrors].sort(
        (a, b) => shapeMisses(a) - shapeMisses(b) || a.issues.length - b.issues.length,
      )[0];
      Object.assign(fields, issuesToFields(best.issues));
      continue;
    }
    const key = issue.path.join('.') || '_';
    fields[key] ??= issue.message;
  }
  return fields;
}
