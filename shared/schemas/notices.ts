// Notices with acknowledgement (通知/通报): published to a cooperative (by its admin) or a town / the district
// (by a supervisor of it); each recipient confirms reading; re-publishing a change asks again (acks are per
// version). Routes: /api/notices…
import { z } from 'zod';
import { idSchema, pageOf, pageQuerySchema, textSchema } from './common';
import { uploadedFileSchema } from './files';

export const NOTICE_CATEGORIES = ['notice', 'bulletin'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];
export const NOTICE_CATEGORY_LABELS: Record<NoticeCategory, string> = { notice: '通知', bulletin: '通报' };

const noticeContent = {
  category: z.enum(NOTICE_CATEGORIES).default('notice'),
  title: textSchema(2, 80),
  body: textSchema(1, 5000, { multiline: true }),
  /** Files from POST /api/files, uploaded by the publisher. */
  attachmentIds: z.array(idSchema).max(10).default([]),
};

/** `POST /api/notices`: to a cooperative (its coop admin) or a region (a supervisor of it); exactly one. */
export const createNoticeSchema = z
  .object({
    ...noticeContent,
    cooperativeId: idSchema.optional(),
    regionId: idSchema.optional(),
    /** The form's own id: the same publish re-sent (a dropped connection, a double tap) gives the first notice. */
    clientId: z.string().uuid().optional(),
  })
  .strict()
  .refine((b) => !!b.cooperativeId !== !!b.regionId, { message: '请选择发布范围：合作社或区域（二选一）', path: ['cooperativeId'] });
export type CreateNoticeBody = z.infer<typeof createNoticeSchema>;
export type CreateNoticeInput = z.input<typeof createNoticeSchema>;

/** `PUT /api/notices/:id`: re-publish a changed notice: a new version, everybody confirms again. */
export const updateNoticeSchema = z
  .object({
    ...noticeContent,
    /** The version the editor started from: a stale one answers 409 NOTICE_CHANGED. */
    version: z.number().int().min(1).optional(),
  })
  .strict();
export type UpdateNoticeBody = z.infer<typeof updateNoticeSchema>;

/** `POST /api/notices/:id/ack`: optionally the version read; an older one answers 409 NOTICE_CHANGED. */
export const ackNoticeSchema = z.object({ version: z.number().int().min(1).optional() }).strict();
export type AckNoticeBody = z.infer<typeof ackNoticeSchema>;

export const noticeQuerySchema = pageQuerySchema
  .extend({
    cooperativeId: idSchema.optional(),
    regionId: idSchema.optional(),
    /** received: notices to the caller; published: those the caller may manage. Default: both. */
    box: z.enum(['received', 'published']).optional(),
    /** With box=received: only those the caller has not confirmed yet. */
    unconfirmed: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type NoticeQuery = z.infer<typeof noticeQuerySchema>;

export const noticeSummarySchema = z.object({
  id: z.string(),
  category: z.enum(NOTICE_CATEGORIES),
  title: z.string(),
  cooperativeId: z.string().nullable(),
  regionId: z.string().nullable(),
  /** 合作社 or 区域 name it went to. */
  scopeName: z.string(),
  publisherId: z.string(),
  publisherName: z.string(),
  version: z.number().int(),
  publishedAt: z.string(),
  /** Of the current version. */
  recipientCount: z.number().int(),
  confirmedCount: z.number().int(),
  /** The caller: a recipient, and whether they confirmed this version (null: not a recipient). */
  recipient: z.boolean(),
  confirmedAt: z.string().nullable(),
});
export type NoticeSummary = z.infer<typeof noticeSummarySchema>;
export const noticeListSchema = pageOf(noticeSummarySchema);
export type NoticeList = z.infer<typeof noticeListSchema>;

export const noticeSchema = noticeSummarySchema.extend({
  body: z.string(),
  attachments: z.array(uploadedFileSchema),
  /** The publisher (or who manages the scope): see acks, remind, re-publish. */
  canManage: z.boolean(),
  /** Reminder rounds sent for this notice so far. */
  reminderRounds: z.number().int(),
});
export type Notice = z.infer<typeof noticeSchema>;

export const noticeAckPersonSchema = z.object({
  userId: z.string(),
  name: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
  /** Times this person was reminded of this version. */
  reminded: z.number().int(),
});
export type NoticeAckPerson = z.infer<typeof noticeAckPersonSchema>;

/** `GET /api/notices/:id/acks` (publisher): who confirmed the current version, who has not. */
export const noticeAcksSchema = z.object({
  noticeId: z.string(),
  version: z.number().int(),
  confirmed: z.array(noticeAckPersonSchema),
  pending: z.array(noticeAckPersonSchema),
});
export type NoticeAcks = z.infer<typeof noticeAcksSchema>;

/** `POST /api/notices/:id/remind`: a reminder round to those who have not confirmed. */
export const remindResultSchema = z.object({
  round: z.number().int(),
  /** People reminded in this round (0 when everybody confirmed, or the round was just sent). */
  reminded: z.number().int(),
});
export type RemindResult = z.infer<typeof remindResultSchema>;

/** A new round within this many minutes of the last one is the same round (a double tap reminds nobody twice). */
export const REMIND_MIN_INTERVAL_MIN = 10;
