import { randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In, IsNull, type SelectQueryBuilder } from 'typeorm';
import { addDays } from '../../../shared/dates';
import { type AccessScope, type Principal, isAdmin, isCoopAdminOf } from '../../../shared/policy';
import {
  ACTIVITY_KIND_LABELS,
  type Activity,
  type ActivityList,
  type ActivityPerson,
  type ActivityQuery,
  type ActivitySummary,
  type CreateActivityBody,
  type UpdateActivityBody,
} from '../../../shared/schemas/activities';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../database/db-errors';
import { FilesService } from '../files/files.service';
import { insertInSlices, memberPeople } from '../notices/member-people';
import { NotificationsService } from '../notifications/notifications.service';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { MembershipEntity } from '../org/membership.entity';
import { ScopeService } from '../org/scope.service';
import { RoleGrantEntity } from '../users/role-grant.entity';
import { UserEntity } from '../users/user.entity';
import { ActivityCheckinEntity, ActivityEntity, ActivityInviteeEntity } from './activity.entity';

/** "12月18日 14:30" in Beijing time, for notices. */
export function beijingTime(at: Date): string {
  const s = new Date(at.getTime() + 8 * 3600_000).toISOString();
  return `${Number(s.slice(5, 7))}月${Number(s.slice(8, 10))}日 ${s.slice(11, 16)}`;
}

/** Start of a Shanghai calendar day as an instant. */
const dayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00+08:00`));

export type LoadedActivity = ActivityEntity & { raw: Record<string, unknown> };

@Injectable()
export class ActivitiesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly notifications: NotificationsService,
    private readonly files: FilesService,
  ) {}

  /** Organising for a cooperative: its admin, a supervisor over its region, the platform admin. */
  mayOrganise(s: AccessScope, actor: Principal, coop: { id: string; regionId: string }): boolean {
    return isAdmin(actor) || isCoopAdminOf(actor, coop.id) || s.supervisedRegionIds.includes(coop.regionId);
  }

  mayManage(actor: Principal, a: ActivityEntity): boolean {
    return a.organiserId === actor.userId || isAdmin(actor) || isCoopAdminOf(actor, a.cooperativeId);
  }

  // ---------------------------------------------------------------- create

  async create(actor: Principal, body: CreateActivityBody): Promise<Activity> {
    const s = await this.scope.of(actor);
    const coop = await this.db.getRepository(CooperativeEntity).findOneBy({ id: body.cooperativeId });
    if (!coop) throw AppError.validation({ cooperativeId: '合作社不存在' });
    if (!this.mayOrganise(s, actor, coop)) throw AppError.forbidden();
    const fields: Record<string, string> = {};
    if (!(await this.files.uploadedBy(actor.userId, body.materialIds))) fields.materialIds = '资料文件不存在或不是您上传的';
    const members = new Set(
      (await this.db.getRepository(MembershipEntity).find({ where: { cooperativeId: coop.id, until: IsNull() }, select: { enterpriseId: true } })).map((m) => m.enterpriseId),
    );
    body.invitedEnterpriseIds.forEach((e, n) => {
      if (!members.has(e)) fields[`invitedEnterpriseIds.${n}`] = '该企业不是本合作社的在册成员';
    });
    const named = [...new Set([...body.invitedUserIds, ...(body.hostUserId ? [body.hostUserId] : [])])];
    // Who may be named: the cooperative's own people, experts and bureau staff (an invitee reads the activity and
    // its list of invitees, which is not for another cooperative's people).
    const grants = named.length ? await this.db.getRepository(RoleGrantEntity).find({ where: { userId: In(named) } }) : [];
    const nameable = (u: string) =>
      grants.some((g) => g.userId === u && (g.role === 'expert' || g.role === 'supervisor' || g.cooperativeId === coop.id));
    body.invitedUserIds.forEach((u, n) => {
      if (!nameable(u)) fields[`invitedUserIds.${n}`] = '只能邀请本合作社成员企业人员、专家或监管人员';
    });
    if (body.hostUserId && !nameable(body.hostUserId)) fields.hostUserId = '主讲人须为本合作社人员、专家或监管人员';
    if (Object.keys(fields).length) throw AppError.validation(fields);

    // the same create re-sent (a dropped connection, a double tap): the first one's answer
    const resent = () => (body.clientId ? this.db.getRepository(ActivityEntity).findOne({ where: { organiserId: actor.userId, clientId: body.clientId }, select: { id: true } }) : null);
    const first = await resent();
    if (first) return this.get(actor, first.id);
    const id = await this.db.transaction(async (em) => {
      const a = await em.getRepository(ActivityEntity).save(
        em.getRepository(ActivityEntity).create({
          cooperativeId: coop.id, kind: body.kind, title: body.title, startsAt: new Date(body.startsAt), endsAt: body.endsAt ? new Date(body.endsAt) : null,
          place: body.place, hostName: body.hostName, hostUserId: body.hostUserId, description: body.description, materialIds: body.materialIds,
          details: body.details, organiserId: actor.userId, checkinSecret: randomBytes(24).toString('hex'), clientId: body.clientId ?? null,
        }),
      );
      // No one named: the whole cooperative is invited.
      const everyone = body.invitedEnterpriseIds.length === 0 && body.invitedUserIds.length === 0;
      const people = await memberPeople(em, [coop.id], everyone ? undefined : body.invitedEnterpriseIds);
      const single = body.invitedUserIds.filter((u) => !people.some((p) => p.userId === u));
      const singleEnts = single.length ? await memberPeople(em, [coop.id], undefined).then((all) => new Map(all.map((p) => [p.userId, p.enterpriseId]))) : new Map<string, string>();
      const invitees = [...people, ...single.map((u) => ({ userId: u, enterpriseId: singleEnts.get(u) ?? null }))];
      await insertInSlices(em, ActivityInviteeEntity, invitees.map((p) => ({ id: randomUUID(), activityId: a.id, ...p })));
      const rows = invitees.map((p) => ({
        userId: p.userId,
        kind: 'activity_invited' as const,
        title: `${ACTIVITY_KIND_LABELS[a.kind]}邀请`,
        body: `${a.title}。时间：${beijingTime(a.startsAt)}，地点：${a.place}，${a.kind === 'meeting' ? '主持' : '主讲'}：${a.hostName}。请准时参加，到场扫码签到。`.slice(0, 500),
        link: `/activities/${a.id}`,
        dedupeKey: `activity_invited:${a.id}:${p.userId}`,
      }));
      for (let i = 0; i < rows.length; i += 400) await this.notifications.add(em, rows.slice(i, i + 400));
      return a.id;
    }).catch(async (err: unknown) => {
      // its twin committed first (uq_activities_client): nothing of this one was written
      const winner = isUniqueViolation(err) ? await resent() : null;
      if (!winner) throw err;
      return winner.id;
    });
    return this.get(actor, id);
  }

  async update(actor: Principal, id: string, body: UpdateActivityBody): Promise<Activity> {
    const a = await this.load(actor, id);
    if (!this.mayManage(actor, a)) throw AppError.forbidden();
    if (body.materialIds && !(await this.files.uploadedBy(actor.userId, body.materialIds.filter((f) => !a.materialIds.includes(f))))) {
      throw AppError.validation({ materialIds: '资料文件不存在或不是您上传的' });
    }
    if (body.details && body.details.kind !== a.kind) throw AppError.validation({ 'details.kind': '活动内容与活动类型不符' });
    await this.db.getRepository(ActivityEntity).update(
      { id },
      {
        ...(body.description !== undefined ? { description: body.description } : {}),
        ...(body.materialIds !== undefined ? { materialIds: body.materialIds } : {}),
        ...(body.details !== undefined ? { details: body.details } : {}),
      },
    );
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- read

  private base(actor: Principal): SelectQueryBuilder<ActivityEntity> {
    return this.db
      .getRepository(ActivityEntity)
      .createQueryBuilder('a')
      .innerJoin(CooperativeEntity, 'c', 'c.id = a.cooperativeId')
      .leftJoin(ActivityInviteeEntity, 'mi', 'mi.activityId = a.id AND mi.userId = :me', { me: actor.userId })
      .leftJoin(ActivityCheckinEntity, 'mc', 'mc.activityId = a.id AND mc.userId = :me')
      .addSelect('c.name', 'cooperativeName')
      .addSelect('mi.id', 'invitedId')
      .addSelect('mc.at', 'myCheckinAt')
      .addSelect('(SELECT COUNT(*) FROM activity_invitees ai WHERE ai.activityId = a.id)', 'invitedCount')
      .addSelect('(SELECT COUNT(*) FROM activity_checkins ac WHERE ac.activityId = a.id)', 'checkedInCount');
  }

  /** Readers of the cooperative, the invited, the organiser. */
  private readable(qb: SelectQueryBuilder<ActivityEntity>, s: AccessScope): void {
    if (s.all) return;
    const [coopSql, params] = this.scope.cooperativeReadable(s, 'c');
    qb.andWhere(new Brackets((b) => b.where('mi.id IS NOT NULL').orWhere('a.organiserId = :me').orWhere(coopSql, params)));
  }

  private summary(a: ActivityEntity, raw: Record<string, unknown>): ActivitySummary {
    return {
      id: a.id, cooperativeId: a.cooperativeId, cooperativeName: String(raw.cooperativeName ?? ''), kind: a.kind, title: a.title,
      startsAt: a.startsAt.toISOString(), endsAt: a.endsAt ? a.endsAt.toISOString() : null, place: a.place, hostName: a.hostName,
      invitedCount: Number(raw.invitedCount ?? 0), checkedInCount: Number(raw.checkedInCount ?? 0),
      invited: raw.invitedId !== null && raw.invitedId !== undefined, myCheckinAt: toIso(raw.myCheckinAt),
    };
  }

  async list(actor: Principal, q: ActivityQuery): Promise<ActivityList> {
    const qb = this.base(actor);
    this.readable(qb, await this.scope.of(actor));
    if (q.cooperativeId) qb.andWhere('a.cooperativeId = :qc', { qc: q.cooperativeId });
    if (q.kind) qb.andWhere('a.kind = :qk', { qk: q.kind });
    if (q.from) qb.andWhere('a.startsAt >= :qf', { qf: dayStart(q.from) });
    if (q.to) qb.andWhere('a.startsAt < :qt', { qt: dayStart(addDays(q.to, 1)) });
    if (q.invited === 'true') qb.andWhere('mi.id IS NOT NULL');
    const total = await qb.getCount();
    // a calendar window reads forwards; otherwise the newest first
    const { entities, raw } = await qb
      .orderBy('a.startsAt', q.from || q.to ? 'ASC' : 'DESC')
      .addOrderBy('a.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawAndEntities();
    return { items: entities.map((e, i) => this.summary(e, raw[i] as Record<string, unknown>)), total, page: q.page, pageSize: q.pageSize };
  }

  /** An activity the caller may read, else 404. */
  async load(actor: Principal, id: string): Promise<LoadedActivity> {
    const qb = this.base(actor).where('a.id = :id', { id });
    this.readable(qb, await this.scope.of(actor));
    const { entities, raw } = await qb.getRawAndEntities();
    if (entities.length === 0) throw AppError.notFound();
    return Object.assign(entities[0], { raw: raw[0] as Record<string, unknown> });
  }

  /** Whether the caller may sign in: invited, or a person of one of the cooperative's members. */
  mayCheckin(actor: Principal, a: LoadedActivity): boolean {
    const invited = a.raw.invitedId !== null && a.raw.invitedId !== undefined;
    return invited || actor.grants.some((g) => g.role === 'member' && g.cooperativeId === a.cooperativeId);
  }

  async get(actor: Principal, id: string): Promise<Activity> {
    const a = await this.load(actor, id);
    const [files, invitees] = await Promise.all([this.files.views(a.materialIds), this.people(id)]);
    const summary = this.summary(a, a.raw);
    return {
      ...summary,
      hostUserId: a.hostUserId,
      description: a.description,
      materials: a.materialIds.map((f) => files.get(f)).filter((f): f is NonNullable<typeof f> => !!f),
      details: a.details,
      invitees,
      organiserId: a.organiserId,
      canManage: this.mayManage(actor, a),
      canCheckin: !summary.myCheckinAt && this.mayCheckin(actor, a),
    };
  }

  /** The invited people with their enterprises, by enterprise then name. */
  async people(activityId: string): Promise<ActivityPerson[]> {
    return this.db
      .getRepository(ActivityInviteeEntity)
      .createQueryBuilder('i')
      .innerJoin(UserEntity, 'u', 'u.id = i.userId')
      .leftJoin(EnterpriseEntity, 'e', 'e.id = i.enterpriseId')
      .select(['i.userId AS userId', 'u.name AS name', 'i.enterpriseId AS enterpriseId', 'e.name AS enterpriseName'])
      .where('i.activityId = :activityId', { activityId })
      .orderBy('e.name', 'ASC')
      .addOrderBy('u.name', 'ASC')
      .getRawMany<ActivityPerson>();
  }
}

/** SQLite answers datetimes as UTC text, MySQL/MariaDB as Date. */
export function toIso(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  const s = String(v);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(s) ? s : `${s.replace(' ', 'T')}Z`).toISOString();
}
