// Activities of a cooperative: study, topic teaching, exchange, meetings, drills — with invitees, materials and
// sign-in at the venue by a rotating QR code (shared/checkin-code.ts). Routes: /api/activities…
import { z } from 'zod';
import { dateSchema, idSchema, pageOf, pageQuerySchema, textSchema } from './common';
import { uploadedFileSchema } from './files';

export const ACTIVITY_KINDS = ['study', 'teaching', 'exchange', 'meeting', 'drill'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  study: '集中学习',
  teaching: '专题教',
  exchange: '经验交流',
  meeting: '座谈会/周例会',
  drill: '应急演练',
};

const line = (max: number) => textSchema(1, max, { multiline: true });

/** 座谈会 / 周例会: minutes, decisions and follow-up items (who, by when). */
export const meetingDetailsSchema = z
  .object({
    kind: z.literal('meeting'),
    minutes: textSchema(0, 5000, { multiline: true }).default(''),
    decisions: z.array(line(500)).max(50).default([]),
    followUps: z
      .array(z.object({ text: line(500), owner: textSchema(0, 40).default(''), dueOn: dateSchema.nullable().default(null) }).strict())
      .max(50)
      .default([]),
  })
  .strict();

/** 演练: the emergency plan exercised, the scenario, who took part, what it showed. */
export const drillDetailsSchema = z
  .object({
    kind: z.literal('drill'),
    emergencyPlan: textSchema(1, 200),
    scenario: textSchema(0, 2000, { multiline: true }).default(''),
    participants: textSchema(0, 1000, { multiline: true }).default(''),
    findings: textSchema(0, 2000, { multiline: true }).default(''),
  })
  .strict();

/** Study, teaching, exchange: the topic's outline and what was learnt. */
export const learningDetailsSchema = z
  .object({
    kind: z.enum(['study', 'teaching', 'exchange']),
    outline: textSchema(0, 5000, { multiline: true }).default(''),
  })
  .strict();

export const activityDetailsSchema = z.union([meetingDetailsSchema, drillDetailsSchema, learningDetailsSchema]);
export type ActivityDetails = z.infer<typeof activityDetailsSchema>;

const activityFields = {
  kind: z.enum(ACTIVITY_KINDS),
  title: textSchema(2, 100),
  /** Instants (ISO 8601 with offset). */
  startsAt: z.string().datetime({ offset: true }),
  endsAt: z.string().datetime({ offset: true }).nullable().default(null),
  place: textSchema(1, 200),
  /** 主讲 / 主持: a name (an outside teacher has no account); hostUserId when it is a user (an expert). */
  hostName: textSchema(1, 40),
  hostUserId: idSchema.nullable().default(null),
  description: textSchema(0, 2000, { multiline: true }).default(''),
  /** Files from POST /api/files, uploaded by the organiser. */
  materialIds: z.array(idSchema).max(20).default([]),
  details: activityDetailsSchema.nullable().default(null),
};

/** `POST /api/activities`: the cooperative's admin (or a supervisor over it) organises; invitees get a notice. */
export const createActivitySchema = z
  .object({
    /** The form's own id: the same create re-sent (a dropped connection, a double tap) gives the first activity. */
    clientId: z.string().uuid().optional(),
    cooperativeId: idSchema,
    ...activityFields,
    /** Member enterprises (all their people are invited) and single people. None: every member of the cooperative. */
    invitedEnterpriseIds: z.array(idSchema).max(500).default([]),
    invitedUserIds: z.array(idSchema).max(500).default([]),
  })
  .strict()
  .superRefine((b, ctx) => {
    if (b.endsAt && Date.parse(b.endsAt) < Date.parse(b.startsAt)) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '结束时间不能早于开始时间' });
    if (b.details && b.details.kind !== b.kind) ctx.addIssue({ code: 'custom', path: ['details', 'kind'], message: '活动内容与活动类型不符' });
    if (b.kind === 'drill' && !b.details) ctx.addIssue({ code: 'custom', path: ['details'], message: '演练须填写所演练的应急预案' });
  });
export type CreateActivityBody = z.infer<typeof createActivitySchema>;
export type CreateActivityInput = z.input<typeof createActivitySchema>;

/** `PUT /api/activities/:id`: the organiser completes the record (minutes after the meeting, drill findings, materials). */
export const updateActivitySchema = z
  .object({
    description: textSchema(0, 2000, { multiline: true }).optional(),
    materialIds: z.array(idSchema).max(20).optional(),
    details: activityDetailsSchema.nullable().optional(),
  })
  .strict();
export type UpdateActivityBody = z.infer<typeof updateActivitySchema>;

export const activityQuerySchema = pageQuerySchema
  .extend({
    cooperativeId: idSchema.optional(),
    kind: z.enum(ACTIVITY_KINDS).optional(),
    /** Calendar window (Shanghai dates, inclusive); with it the list runs oldest first. */
    from: dateSchema.optional(),
    to: dateSchema.optional(),
    /** Only activities the caller is invited to. */
    invited: z.enum(['true', 'false']).optional(),
  })
  .strict();
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

export const activitySummarySchema = z.object({
  id: z.string(),
  cooperativeId: z.string(),
  cooperativeName: z.string(),
  kind: z.enum(ACTIVITY_KINDS),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string(),
  hostName: z.string(),
  invitedCount: z.number().int(),
  checkedInCount: z.number().int(),
  /** The caller: invited, and when they signed in. */
  invited: z.boolean(),
  myCheckinAt: z.string().nullable(),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;
export const activityListSchema = pageOf(activitySummarySchema);
export type ActivityList = z.infer<typeof activityListSchema>;

export const activityPersonSchema = z.object({
  userId: z.string(),
  name: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
});
export type ActivityPerson = z.infer<typeof activityPersonSchema>;

export const activitySchema = activitySummarySchema.extend({
  hostUserId: z.string().nullable(),
  description: z.string(),
  materials: z.array(uploadedFileSchema),
  details: activityDetailsSchema.nullable(),
  invitees: z.array(activityPersonSchema),
  organiserId: z.string(),
  /** The organiser (or the coop admin): show the sign-in code, see attendance, edit. */
  canManage: z.boolean(),
  /** The caller may sign in (invited or a member of the cooperative) and has not yet. */
  canCheckin: z.boolean(),
});
export type Activity = z.infer<typeof activitySchema>;

/** `GET /api/activities/:id/checkin-code`: what the organiser's phone shows, rotating every 30 s. */
export const checkinCodeSchema = z.object({
  code: z.string(),
  /** When the screen should fetch the next one (the code is still accepted for 30 s after). */
  expiresAt: z.string(),
  /** The QR's text (shared/checkin-code.ts checkinQrText) and the QR as a PNG data URL. */
  qrText: z.string(),
  qrDataUrl: z.string(),
});
export type CheckinCode = z.infer<typeof checkinCodeSchema>;

/** `POST /api/activities/:id/checkin`: the scanned code (or the whole QR text). */
export const checkinBodySchema = z.object({ code: z.string().trim().min(1).max(200) }).strict();
export type CheckinBody = z.infer<typeof checkinBodySchema>;

export const checkinResultSchema = z.object({
  activityId: z.string(),
  checkedInAt: z.string(),
  /** False when the person had already signed in (the earlier time is kept). */
  first: z.boolean(),
});
export type CheckinResult = z.infer<typeof checkinResultSchema>;

/** `GET /api/activities/:id/attendance` (the organiser): who signed in, who was absent, per member. */
export const attendanceSchema = z.object({
  activityId: z.string(),
  invited: z.number().int(),
  present: z.number().int(),
  signedIn: z.array(activityPersonSchema.extend({ at: z.string(), invited: z.boolean() })),
  absent: z.array(activityPersonSchema),
  byEnterprise: z.array(
    z.object({ enterpriseId: z.string(), enterpriseName: z.string(), invited: z.number().int(), present: z.number().int() }),
  ),
});
export type Attendance = z.infer<typeof attendanceSchema>;

/** `GET /api/activities/stats?cooperativeId=|regionId=`: how many of each kind took place (the story's counters). */
export const activityStatsQuerySchema = z
  .object({ cooperativeId: idSchema.optional(), regionId: idSchema.optional(), from: dateSchema.optional(), to: dateSchema.optional() })
  .strict();
export type ActivityStatsQuery = z.infer<typeof activityStatsQuerySchema>;
export const activityStatsSchema = z.object({
  byKind: z.record(z.enum(ACTIVITY_KINDS), z.number().int()),
  total: z.number().int(),
  /** Sign-ins (人次) across them. */
  attendance: z.number().int(),
});
export type ActivityStats = z.infer<typeof activityStatsSchema>;
