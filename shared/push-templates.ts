// WeChat subscribe-message templates: which of our notification kinds goes out on which template, and how a
// notice's fields become keyword values that obey WeChat's type rules (docs/wechat.md "Push"). Pure: the
// server formats with it, the mini-program reads the topics and labels. Formatting truncates, never fails.
import type { NotificationKind } from './schemas/notifications';

/** One template per kind of event; a person subscribes (and opts out) per topic. */
export const PUSH_TOPICS = ['activity', 'inspection', 'deadline', 'overdue', 'verification', 'notice'] as const;
export type PushTopic = (typeof PUSH_TOPICS)[number];

/**
 * Natural taps at which the mini-program asks for subscriptions (`Taro.requestSubscribeMessage` only works
 * from a tap; ≤ 3 ids per call is safe): the topics a person will care about next. The ids come from
 * `GET /api/me/subscriptions` (the topic's templateId).
 */
export const SUBSCRIBE_PROMPTS = {
  /** joined a cooperative */
  joined: ['notice', 'activity', 'inspection'],
  /** accepted or started an assigned inspection round */
  inspection_accepted: ['inspection', 'verification'],
  /** submitted an inspection that found hazards at their own enterprise */
  inspection_submitted: ['deadline', 'overdue'],
  /** submitted a rectification */
  rectification_submitted: ['verification', 'deadline'],
  /** confirmed reading a notice */
  notice_confirmed: ['notice'],
  /** signed in at an activity */
  activity_signed_in: ['activity'],
} as const satisfies Record<string, readonly PushTopic[]>;
export type SubscribeMoment = keyof typeof SUBSCRIBE_PROMPTS;

/** Where a keyword's value comes from, out of a notice. */
export type PushSource = 'title' | 'body' | 'time' | 'date' | 'phrase';

export interface PushTemplate {
  topic: PushTopic;
  /** The WeChat template id (from the console: 订阅消息 → 我的模板). */
  templateId: string;
  /** What the person sees in the subscription settings. */
  label: string;
  /** Keyword key (e.g. `thing1`, type + number as WeChat names them) → the notice field filling it. */
  keywords: Record<string, PushSource>;
}

/** The notice a push carries, as the outbox row holds it. */
export interface PushFields {
  kind: NotificationKind;
  title: string;
  body: string;
  createdAt: Date;
}

export const TOPIC_OF_KIND: Readonly<Record<NotificationKind, PushTopic>> = {
  activity_invited: 'activity',
  expert_visit: 'activity',
  inspection_assigned: 'inspection',
  hazard_reminder: 'deadline',
  hazard_overdue: 'overdue',
  hazard_major_reported: 'overdue',
  hazard_rectified: 'verification',
  hazard_verified: 'verification',
  hazard_extension: 'verification',
  hazard_voided: 'verification',
  notice_published: 'notice',
  notice_reminder: 'notice',
};

/** A short status word per kind, for `phrase` keywords (≤ 5 Chinese characters). */
export const PHRASE_OF_KIND: Readonly<Record<NotificationKind, string>> = {
  activity_invited: '活动邀请',
  expert_visit: '专家上门',
  inspection_assigned: '待检查',
  hazard_reminder: '待整改',
  hazard_overdue: '已逾期',
  hazard_major_reported: '重大隐患',
  hazard_rectified: '待验收',
  hazard_verified: '验收结果',
  hazard_extension: '延期申请',
  hazard_voided: '已作废',
  notice_published: '新通知',
  notice_reminder: '待确认',
};

/** Defaults: the demo and the simulator accept any template id; production sets PUSH_TEMPLATES. */
export const DEFAULT_PUSH_TEMPLATES: readonly PushTemplate[] = [
  { topic: 'activity', templateId: 'demo-tmpl-activity', label: '活动与培训通知', keywords: { thing1: 'title', date2: 'date', thing3: 'body', phrase4: 'phrase' } },
  { topic: 'inspection', templateId: 'demo-tmpl-inspection', label: '检查任务通知', keywords: { thing1: 'title', date2: 'date', thing3: 'body', phrase4: 'phrase' } },
  { topic: 'deadline', templateId: 'demo-tmpl-deadline', label: '整改期限提醒', keywords: { thing1: 'title', date2: 'date', thing3: 'body', phrase4: 'phrase' } },
  { topic: 'overdue', templateId: 'demo-tmpl-overdue', label: '逾期与重大隐患督办', keywords: { thing1: 'title', date2: 'date', thing3: 'body', phrase4: 'phrase' } },
  { topic: 'verification', templateId: 'demo-tmpl-verification', label: '整改验收结果', keywords: { thing1: 'title', phrase2: 'phrase', thing3: 'body', time4: 'time' } },
  { topic: 'notice', templateId: 'demo-tmpl-notice', label: '通知公告', keywords: { thing1: 'title', thing2: 'body', time3: 'time' } },
];

const SOURCES: ReadonlySet<string> = new Set(['title', 'body', 'time', 'date', 'phrase']);
const KEY = /^[a-z_]+\d+$/;

/**
 * Reads PUSH_TEMPLATES: a JSON object topic → template id, or topic → {id, label?, keywords?}. Topics left
 * out keep their defaults. Returns the templates, or the problems found (for the config error message).
 */
export function parsePushTemplates(raw: string | undefined): { templates: PushTemplate[] } | { errors: string[] } {
  if (raw === undefined || raw.trim() === '') return { templates: DEFAULT_PUSH_TEMPLATES.map((t) => ({ ...t })) };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { errors: ['not valid JSON'] };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return { errors: ['expected a JSON object topic → template id'] };
  const errors: string[] = [];
  const given = parsed as Record<string, unknown>;
  for (const topic of Object.keys(given)) {
    if (!(PUSH_TOPICS as readonly string[]).includes(topic)) errors.push(`unknown topic ${topic} (expected one of ${PUSH_TOPICS.join(', ')})`);
  }
  const templates = DEFAULT_PUSH_TEMPLATES.map((def): PushTemplate => {
    const v = given[def.topic];
    if (v === undefined) return { ...def };
    if (typeof v === 'string') return v.trim() === '' ? (errors.push(`${def.topic}: empty template id`), def) : { ...def, templateId: v.trim() };
    if (typeof v !== 'object' || v === null) return (errors.push(`${def.topic}: expected a template id or {id, keywords}`), def);
    const o = v as { id?: unknown; label?: unknown; keywords?: unknown };
    if (typeof o.id !== 'string' || o.id.trim() === '') return (errors.push(`${def.topic}: id missing`), def);
    let keywords = def.keywords;
    if (o.keywords !== undefined) {
      const k = o.keywords as Record<string, unknown>;
      const entries = typeof k === 'object' && k !== null ? Object.entries(k) : [];
      const bad = entries.filter(([key, src]) => !KEY.test(key) || typeof src !== 'string' || !SOURCES.has(src));
      if (entries.length === 0 || bad.length > 0) {
        errors.push(`${def.topic}: keywords must map keys like thing1 to one of ${[...SOURCES].join('/')}`);
      } else {
        keywords = Object.fromEntries(entries) as Record<string, PushSource>;
      }
    }
    return { topic: def.topic, templateId: o.id.trim(), label: typeof o.label === 'string' && o.label.trim() !== '' ? o.label.trim() : def.label, keywords };
  });
  const ids = templates.map((t) => t.templateId);
  if (new Set(ids).size !== ids.length) errors.push('two topics share one template id');
  return errors.length > 0 ? { errors } : { templates };
}

// ---- keyword formatting (WECHAT.md's table) ----

const HAN = /[\u3400-\u9fff]/u;
// Control characters, DEL, bidi controls: never in a keyword (WeChat answers 47003).
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** Collapses whitespace (newlines included) and removes control characters. */
export function cleanText(s: string): string {
  return s.replace(CONTROL, ' ').replace(/\s+/gu, ' ').trim();
}

/** At most `max` characters (code points), the last one an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('')}…`;
}

const pad = (n: number): string => String(n).padStart(2, '0');
/** The Shanghai wall clock of an instant (UTC+8, no daylight saving). */
function shanghai(at: Date): { y: number; m: number; d: number; hh: number; mm: number } {
  const t = new Date(at.getTime() + 8 * 3600_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate(), hh: t.getUTCHours(), mm: t.getUTCMinutes() };
}

/** `2026年12月7日`: WeChat's `date` form. */
export function formatDate(at: Date | string): string {
  if (typeof at === 'string') {
    const [y, m, d] = at.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  const s = shanghai(at);
  return `${s.y}年${s.m}月${s.d}日`;
}

/** `2026-12-07 09:30`: WeChat's `time` form (a date, then HH:MM), Shanghai time. */
export function formatTime(at: Date): string {
  const s = shanghai(at);
  return `${s.y}-${pad(s.m)}-${pad(s.d)} ${pad(s.hh)}:${pad(s.mm)}`;
}

/** The first calendar date a text mentions (a deadline, an activity day), YYYY-MM-DD, or null. */
export function firstDate(text: string): string | null {
  const m = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (!m) return null;
  const [, y, mo, d] = m.map(Number);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d ? (m[0] as string) : null;
}

/**
 * A value made to fit its keyword type; never empty (WeChat refuses empty values). `thing` ≤ 20 characters,
 * `phrase` ≤ 5 Chinese characters only, `name` ≤ 10 Chinese or ≤ 20 letters, the ASCII types bounded.
 */
export function fitKeyword(key: string, value: string): string {
  const type = key.replace(/\d+$/, '');
  const v = cleanText(value);
  switch (type) {
    case 'thing':
      return truncate(v, 20) || '无';
    case 'phrase':
      return [...v].filter((c) => HAN.test(c)).slice(0, 5).join('') || '通知';
    case 'name': {
      if (HAN.test(v)) return [...v].filter((c) => HAN.test(c) || c === '·').slice(0, 10).join('');
      return v.replace(/[^A-Za-z .'-]/g, '').replace(/^[^A-Za-z]+/, '').slice(0, 20).trim() || '用户';
    }
    case 'number':
      return (/-?\d+(?:\.\d+)?/.exec(v)?.[0] ?? '0').slice(0, 32);
    case 'letter':
      return v.replace(/[^A-Za-z]/g, '').slice(0, 32) || 'N';
    case 'character_string':
      return v.replace(/[^\x21-\x7e]/g, '').slice(0, 32) || '-';
    case 'phone_number':
      return v.replace(/[^\d+\-() ]/g, '').trim().slice(0, 17) || '-';
    case 'amount': {
      const n = /\d+(?:\.\d{1,2})?/.exec(v.replace(/,/g, ''))?.[0] ?? '0';
      return `¥${n.slice(0, 10)}`;
    }
    default:
      // time and date are built by formatTime / formatDate; an unknown type: a safe short text
      return truncate(v, 20) || '无';
  }
}

/** The `data` of a subscribe message for one notice on one template. */
export function pushData(template: PushTemplate, n: PushFields): Record<string, { value: string }> {
  // a `date` source is the day the notice names (a deadline, an activity day), else the day it was written
  const day = firstDate(n.body) ?? n.createdAt;
  const text: Record<PushSource, () => string> = {
    title: () => n.title,
    body: () => n.body,
    phrase: () => PHRASE_OF_KIND[n.kind],
    time: () => formatTime(n.createdAt),
    date: () => formatDate(day),
  };
  const data: Record<string, { value: string }> = {};
  for (const [key, source] of Object.entries(template.keywords)) {
    const type = key.replace(/\d+$/, '');
    // time/date keywords must parse as such: built from the notice's instants whatever the source says
    const value = type === 'time' ? formatTime(n.createdAt) : type === 'date' ? formatDate(source === 'date' ? day : n.createdAt) : fitKeyword(key, text[source]());
    data[key] = { value };
  }
  return data;
}

/** The template a kind goes out on. */
export function templateFor(templates: readonly PushTemplate[], kind: NotificationKind): PushTemplate | undefined {
  const topic = TOPIC_OF_KIND[kind];
  return templates.find((t) => t.topic === topic);
}

/**
 * The mini-program page a tap on the message opens (no leading slash, as WeChat wants it): the hazard,
 * inspection, notice, activity or expert visit the notice links to, else the inbox. Mirrors miniprogram/routes.ts and routeOfLink.
 */
const PUSH_PAGES: Readonly<Record<string, string>> = {
  hazards: 'packages/hazard/pages/detail/index',
  inspections: 'packages/inspect/pages/detail/index',
  notices: 'packages/notices/pages/detail/index',
  activities: 'packages/calendar/pages/detail/index',
  'expert-visits': 'packages/experts/pages/visit/index',
};

export function pushPage(link: string | null): string {
  const m = link ? /^\/?(hazards|inspections|notices|activities|expert-visits)\/([A-Za-z0-9-]{1,64})$/.exec(link) : null;
  if (!m) return 'packages/inbox/pages/index/index';
  return `${PUSH_PAGES[m[1]]}?id=${m[2]}`;
}
