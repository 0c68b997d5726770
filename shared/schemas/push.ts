import { z } from 'zod';
import { PUSH_TOPICS } from '../push-templates';
import { pageQuerySchema } from './common';
import { NOTIFICATION_KINDS } from './notifications';

// WeChat subscribe-message push: a person's subscriptions (quota per template) and the admin's outbox view.

/** One template as the person sees it: "will I be notified?" = enabled and remaining > 0 and hasWechat. */
export const subscriptionSchema = z.object({
  topic: z.enum(PUSH_TOPICS),
  /** The WeChat template id to pass to `Taro.requestSubscribeMessage({tmplIds})`. */
  templateId: z.string(),
  label: z.string(),
  /** The person's own switch (default on); off keeps notices in the in-app inbox only. */
  enabled: z.boolean(),
  /** Accepted one-time subscriptions not yet spent: each allows one message. */
  remaining: z.number().int(),
  willNotify: z.boolean(),
});
export type Subscription = z.infer<typeof subscriptionSchema>;

export const subscriptionListSchema = z.object({
  items: z.array(subscriptionSchema),
  /** false: the account has no WeChat openid (browser-only login); nothing can be pushed. */
  hasWechat: z.boolean(),
});
export type SubscriptionList = z.infer<typeof subscriptionListSchema>;

const templateIdSchema = z.string().trim().min(1).max(64);

/** POST /api/me/subscriptions/accepted: the ids whose status was `accept*` in requestSubscribeMessage's result. */
export const acceptedSubscriptionsSchema = z
  .object({ templateIds: z.array(templateIdSchema).min(1).max(10) })
  .strict();
export type AcceptedSubscriptions = z.infer<typeof acceptedSubscriptionsSchema>;

/** PUT /api/me/subscriptions: switch templates on or off; templates left out keep their setting. */
export const subscriptionPrefsSchema = z
  .object({ items: z.array(z.object({ templateId: templateIdSchema, enabled: z.boolean() }).strict()).min(1).max(20) })
  .strict();
export type SubscriptionPrefs = z.infer<typeof subscriptionPrefsSchema>;

export const PUSH_STATUSES = ['pending', 'sent', 'failed', 'skipped'] as const;
export type PushStatus = (typeof PUSH_STATUSES)[number];

/**
 * Why a push ended other than sent: `no_quota` (no accepted subscription left), `refused` (WeChat 43101),
 * `no_openid`, `opted_out`, `no_template`; failures: `config:<errcode>` (47003 bad value, 40037 bad template,
 * 41030 bad page: an operator must act), `gave_up:<errcode>` (busy or token errors after all attempts).
 */
export const outboxEntrySchema = z.object({
  id: z.string(),
  userId: z.string(),
  userName: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  status: z.enum(PUSH_STATUSES),
  attempts: z.number().int(),
  /** WeChat's last errcode, when it answered one. */
  errcode: z.number().int().nullable(),
  reason: z.string().nullable(),
  templateId: z.string().nullable(),
  createdAt: z.string(),
  pushedAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
});
export type OutboxEntry = z.infer<typeof outboxEntrySchema>;

export const outboxListSchema = z.object({
  items: z.array(outboxEntrySchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** All rows per status, whatever the filter. */
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int(), skipped: z.number().int() }),
});
export type OutboxList = z.infer<typeof outboxListSchema>;

export const outboxQuerySchema = pageQuerySchema.extend({ status: z.enum(PUSH_STATUSES).optional() }).strict();
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;
