import { z } from 'zod';
import { pageQuerySchema } from './common';

export const NOTIFICATION_KINDS = [
  'inspection_assigned',
  // deadline reminders to the enterprise (3 days, 1 day before, on the day)
  'hazard_reminder',
  // overdue: to the coop admin (day 1) and the supervisor (day 7, at once for major)
  'hazard_overdue',
  // a major hazard reported: to the supervisor at once
  'hazard_major_reported',
  // a fix submitted: to those who may verify it
  'hazard_rectified',
  // accepted or rejected: to the enterprise
  'hazard_verified',
  // an extension asked (to those who decide) or decided (to the enterprise); voided (to the enterprise)
  'hazard_extension',
  'hazard_voided',
  // an expert visit scheduled (to the expert and the enterprise)
  'expert_visit',
  // invited to an activity (study, teaching, exchange, meeting, drill)
  'activity_invited',
  // a notice published (or re-published after a change), and a reminder to confirm it
  'notice_published',
  'notice_reminder',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One entry of a person's in-app inbox. */
export const notificationSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTIFICATION_KINDS),
  title: z.string(),
  body: z.string(),
  /** In-app path to open, e.g. `/inspections/<id>`. */
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

/** `POST /api/notifications/read-all`: how many were marked now (0 on a repeat), and what is left unread. */
export const readAllResultSchema = z.object({ marked: z.number().int(), unread: z.number().int() });
export type ReadAllResult = z.infer<typeof readAllResultSchema>;

export const notificationQuerySchema = pageQuerySchema.extend({ unread: z.enum(['true', 'false']).optional() }).strict();
export type NotificationQuery = z.infer<typeof notificationQuerySchema>;
