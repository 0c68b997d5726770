// Subscribe-message keyword rules (docs/wechat.md): a key like `thing1` or `character_string2` is its type
// plus a number; WeChat answers 47003 when a value breaks its type's rule.

const DATE = String.raw`(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{4}\.\d{1,2}\.\d{1,2})`;
const CLOCK = String.raw`\d{1,2}:\d{2}(?::\d{2})?`;
const TIME_ITEM = `(?:${DATE}\\s*)?${CLOCK}`;
const DATE_ITEM = `${DATE}(?:\\s*${CLOCK})?`;
const range = (item: string): RegExp => new RegExp(`^${item}(?:\\s*~\\s*${item})?$`);

const TIME_RE = range(TIME_ITEM);
const DATE_RE = range(DATE_ITEM);
const HAN = String.raw`\u3400-\u9fff`;

const chars = (s: string): number => [...s].length;
const digits = (s: string): number => s.replace(/\D/g, '').length;

/** Rule per keyword type; true when the value is acceptable. Unknown types are let through. */
export const KEYWORD_RULES: Readonly<Record<string, (v: string) => boolean>> = {
  thing: (v) => chars(v) <= 20,
  number: (v) => /^-?\d+(?:\.\d+)?$/.test(v) && digits(v) <= 32,
  letter: (v) => /^[A-Za-z]{1,32}$/.test(v),
  character_string: (v) => /^[\x20-\x7e]{1,32}$/.test(v),
  time: (v) => TIME_RE.test(v),
  date: (v) => DATE_RE.test(v),
  phrase: (v) => new RegExp(`^[${HAN}]{1,5}$`).test(v),
  name: (v) => new RegExp(`^[${HAN}·]{1,10}$`).test(v) || /^[A-Za-z][A-Za-z .'-]{0,19}$/.test(v),
  phone_number: (v) => /^[\d+\-() ]{1,17}$/.test(v),
  amount: (v) => /^[¥￥$€£]?\d+(?:\.\d{1,2})?元?$/.test(v) && digits(v) <= 10,
};

/** `thing12` → `thing`, `character_string3` → `character_string`. */
export function keywordType(key: string): string {
  return key.replace(/\d+$/, '');
}

/** Checks one value; returns why it breaks its rule, or null when WeChat would accept it. */
export function checkKeywordValue(key: string, value: unknown): string | null {
  if (typeof value !== 'string') return `data.${key}.value must be a string`;
  if (value.trim() === '') return `data.${key}.value is empty`;
  if (/[\u0000-\u001f\u007f]/.test(value)) return `data.${key}.value has control characters`;
  const rule = KEYWORD_RULES[keywordType(key)];
  if (rule && !rule(value)) return `data.${key}.value invalid for type ${keywordType(key)}`;
  return null;
}

/** Checks a whole `data` object `{key: {value}}`; returns the first problem or null. */
export function checkTemplateData(data: unknown): string | null {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'data must be an object';
  const entries = Object.entries(data as Record<string, unknown>);
  if (entries.length === 0) return 'data is empty';
  for (const [key, item] of entries) {
    if (!/^[a-z_]+\d+$/.test(key)) return `data.${key} is not a keyword`;
    if (typeof item !== 'object' || item === null) return `data.${key} must be {value}`;
    const problem = checkKeywordValue(key, (item as { value?: unknown }).value);
    if (problem) return problem;
  }
  return null;
}
