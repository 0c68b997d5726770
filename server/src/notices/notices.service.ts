import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager, In, IsNull, type SelectQueryBuilder } from 'typeorm';
import { type AccessScope, type Principal, isAdmin, isCoopAdminOf } from '../../../shared/policy';
import {
  type CreateNoticeBody,
  type Notice,
  type NoticeAckPerson,
  type NoticeAcks,
  type NoticeList,
  type NoticeQuery,
  type NoticeSummary,
  NOTICE_CATEGORY_LABELS,
  REMIND_MIN_INTERVAL_MIN,
  type RemindResult,
  type UpdateNoticeBody,
} from '../../../shared/schemas/notices';
import { AppError } from '../common/app-error';
import { isUniqueViolation } from '../database/db-errors';
import { Clock } from '../common/clock';
import { FilesService } from '../files/files.service';
import { NotificationEntity } from '../notifications/notification.entity';
import { type NewNotification, NotificationsService } from '../notifications/notifications.service';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { RegionEntity } from '../org/region.entity';
import { ScopeService } from '../org/scope.service';
import { UserEntity } from '../users/user.entity';
import { insertInSlices, memberPeople } from './member-people';
import { NoticeAckEntity, NoticeEntity, NoticeRecipientEntity } from './notice.entity';


const iso = (v: Date | string | null): string | null => (v === null ? null : (v instanceof Date ? v : new Date(String(v).replace(' ', 'T') + (String(v).endsWith('Z') ? '' : 'Z'))).toISOString());

@Injectable()
export class NoticesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly scope: ScopeService,
    private readonly clock: Clock,
    private readonly notifications: NotificationsService,
    private readonly files: FilesService,
  ) {}

  // ---------------------------------------------------------------- who

  /** Publishing to a cooperative: its admin; to a region: a supervisor of it (or above it). */
  private mayPublish(s: AccessScope, actor: Principal, n: { cooperativeId: string | null; regionId: string | null }): boolean {
    if (isAdmin(actor)) return true;
    if (n.cooperativeId) return isCoopAdminOf(actor, n.cooperativeId);
    return !!n.regionId && s.supervisedRegionIds.includes(n.regionId);
  }

  private mayManage(s: AccessScope, actor: Principal, n: NoticeEntity): boolean {
    return n.publishedById === actor.userId || this.mayPublish(s, actor, n);
  }

  /** The people a notice goes to: the people of the active members of its cooperative, or of every cooperative in its region. */
  private async recipientsOf(em: EntityManager, n: { cooperativeId: string | null; regionId: string | null }) {
    let coops: string[] = [];
    if (n.cooperativeId) coops = [n.cooperativeId];
    else if (n.regionId) {
      const regions = (await this.scope.subregions([n.regionId], em))[n.regionId];
      coops = (await em.getRepository(CooperativeEntity).find({ where: { regionId: In(regions) }, select: { id: true } })).map((c) => c.id);
    }
    return memberPeople(em, coops);
  }

  private async attachmentsOk(actor: Principal, ids: string[]): Promise<void> {
    if (!(await this.files.uploadedBy(actor.userId, ids))) throw AppError.validation({ attachmentIds: '附件不存在或不是您上传的' });
  }

  // ---------------------------------------------------------------- publish

  async create(actor: Principal, body: CreateNoticeBody): Promise<Notice> {
    const s = await this.scope.of(actor);
    const target = { cooperativeId: body.cooperativeId ?? null, regionId: body.regionId ?? null };
    if (target.cooperativeId && !(await this.db.getRepository(CooperativeEntity).existsBy({ id: target.cooperativeId }))) throw AppError.validation({ cooperativeId: '合作社不存在' });
    if (target.regionId && !(await this.db.getRepository(RegionEntity).existsBy({ id: target.regionId }))) throw AppError.validation({ regionId: '区域不存在' });
    if (!this.mayPublish(s, actor, target)) throw AppError.forbidden();
    await this.attachmentsOk(actor, body.attachmentIds);
    // the same publish re-sent (a dropped connection, a double tap): the first one's answer
    const resent = () => (body.clientId ? this.db.getRepository(NoticeEntity).findOne({ where: { publishedById: actor.userId, clientId: body.clientId }, select: { id: true } }) : null);
    const first = await resent();
    if (first) return this.get(actor, first.id);
    const now = this.clock.now();
    const id = await this.db.transaction(async (em) => {
      const n = await em.getRepository(NoticeEntity).save(
        em.getRepository(NoticeEntity).create({
          ...target, category: body.category, title: body.title, body: body.body, attachmentIds: body.attachmentIds,
          publishedById: actor.userId, version: 1, publishedAt: now, reminderRound: 0, remindedAt: null, clientId: body.clientId ?? null,
        }),
      );
      await this.publishTo(em, n, false);
      return n.id;
    }).catch(async (err: unknown) => {
      // its twin committed first (uq_notices_client): nothing of this one was written
      const winner = isUniqueViolation(err) ? await resent() : null;
      if (!winner) throw err;
      return winner.id;
    });
    return this.get(actor, id);
  }

  /** Records the recipients (new members since last time join in) and tells each of them about this version. */
  private async publishTo(em: EntityManager, n: NoticeEntity, changed: boolean): Promise<void> {
    const people = await this.recipientsOf(em, n);
    await insertInSlices(em, NoticeRecipientEntity, people.map((p) => ({ id: randomUUID(), noticeId: n.id, userId: p.userId, enterpriseId: p.enterpriseId })));
    const all = await em.getRepository(NoticeRecipientEntity).find({ where: { noticeId: n.id }, select: { userId: true } });
    const label = NOTICE_CATEGORY_LABELS[n.category];
    await this.notify(
      em,
      all.map((r) => ({
        userId: r.userId,
        kind: 'notice_published' as const,
        title: changed ? `${label}已更新，请重新确认` : `新${label}，请阅读确认`,
        body: n.title,
        link: `/notices/${n.id}`,
        dedupeKey: `notice_published:${n.id}:v${n.version}:${r.userId}`,
      })),
    );
  }

  private async notify(em: EntityManager, rows: NewNotification[]): Promise<void> {
    for (let i = 0; i < rows.length; i += 400) await this.notifications.add(em, rows.slice(i, i + 400));
  }

  /** Re-publishes a changed notice: version + 1, acks of the old version no longer count, everybody is told again. */
  async update(actor: Principal, id: string, body: UpdateNoticeBody): Promise<Notice> {
    const n = await this.load(actor, id);
    const s = await this.scope.of(actor);
    if (!this.mayManage(s, actor, n)) throw AppError.forbidden();
    if (body.version !== undefined && body.version !== n.version) throw AppError.conflict('NOTICE_CHANGED');
    await this.attachmentsOk(actor, body.attachmentIds.filter((f) => !n.attachmentIds.includes(f)));
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      // Conditional on the version read: two editors at once make one new version, the other gets 409.
      const res = await em
        .getRepository(NoticeEntity)
        .update(
          { id, version: n.version },
          { category: body.category, title: body.title, body: body.body, attachmentIds: body.attachmentIds, version: n.version + 1, publishedAt: now, reminderRound: 0, remindedAt: null },
        );
      if (!res.affected) throw AppError.conflict('NOTICE_CHANGED');
      await this.publishTo(em, await em.getRepository(NoticeEntity).findOneByOrFail({ id }), true);
    });
    return this.get(actor, id);
  }

  // ---------------------------------------------------------------- read

  /** The list query with names and counts; the caller's recipient row and confirmation of the current version. */
  private base(actor: Principal): SelectQueryBuilder<NoticeEntity> {
    return this.db
      .getRepository(NoticeEntity)
      .createQueryBuilder('n')
      .leftJoin(CooperativeEntity, 'c', 'c.id = n.cooperativeId')
      .leftJoin(RegionEntity, 'r', 'r.id = n.regionId')
      .innerJoin(UserEntity, 'u', 'u.id = n.publishedById')
      .leftJoin(NoticeRecipientEntity, 'me', 'me.noticeId = n.id AND me.userId = :me', { me: actor.userId })
      .leftJoin(NoticeAckEntity, 'mya', 'mya.noticeId = n.id AND mya.userId = :me AND mya.version = n.version')
      .addSelect('COALESCE(c.name, r.name)', 'scopeName')
      .addSelect('u.name', 'publisherName')
      .addSelect('me.id', 'meId')
      .addSelect('mya.at', 'confirmedAt')
      .addSelect('(SELECT COUNT(*) FROM notice_recipients nr WHERE nr.noticeId = n.id)', 'recipientCount')
      .addSelect('(SELECT COUNT(*) FROM notice_acks na WHERE na.noticeId = n.id AND na.version = n.version)', 'confirmedCount');
  }

  /** Readable: a recipient, who may manage it, or (without being a recipient) a reader of its cooperative or region. */
  private readable(qb: SelectQueryBuilder<NoticeEntity>, s: AccessScope): void {
    if (s.all) return;
    const [coopSql, coopParams] = this.scope.cooperativeReadable(s, 'c');
    const regions = s.readRegionIds.length ? s.readRegionIds : ['-'];
    qb.andWhere(
      new Brackets((b) =>
        b
          .where('me.id IS NOT NULL')
          .orWhere('n.publishedById = :me')
          .orWhere(`(n.cooperativeId IS NOT NULL AND ${coopSql})`, coopParams)
          .orWhere('n.regionId IN (:...nReadRegions)', { nReadRegions: regions }),
      ),
    );
  }

  private summary(e: NoticeEntity, raw: Record<string, unknown>): NoticeSummary {
    return {
      id: e.id, category: e.category, title: e.title, cooperativeId: e.cooperativeId, regionId: e.regionId,
      scopeName: String(raw.scopeName ?? ''), publisherId: e.publishedById, publisherName: String(raw.publisherName ?? ''),
      version: e.version, publishedAt: e.publishedAt.toISOString(),
      recipientCount: Number(raw.recipientCount ?? 0), confirmedCount: Number(raw.confirmedCount ?? 0),
      recipient: raw.meId !== null && raw.meId !== undefined, confirmedAt: iso((raw.confirmedAt as Date | string | null) ?? null),
    };
  }

  async list(actor: Principal, q: NoticeQuery): Promise<NoticeList> {
    const s = await this.scope.of(actor);
    const qb = this.base(actor);
    this.readable(qb, s);
    if (q.cooperativeId) qb.andWhere('n.cooperativeId = :qc', { qc: q.cooperativeId });
    if (q.regionId) qb.andWhere('n.regionId = :qr', { qr: q.regionId });
    if (q.box === 'received') {
      qb.andWhere('me.id IS NOT NULL');
      if (q.unconfirmed === 'true') qb.andWhere('mya.id IS NULL');
    } else if (q.box === 'published' && !s.all) {
      const managed = s.managedCooperativeIds.length ? s.managedCooperativeIds : ['-'];
      const supervised = s.supervisedRegionIds.length ? s.supervisedRegionIds : ['-'];
      qb.andWhere(
        new Brackets((b) =>
          b.where('n.publishedById = :me').orWhere('n.cooperativeId IN (:...nManaged)', { nManaged: managed }).orWhere('n.regionId IN (:...nSup)', { nSup: supervised }),
        ),
      );
    }
    const total = await qb.getCount();
    // unconfirmed first for the reader, then newest
    const { entities, raw } = await qb
      .orderBy('CASE WHEN me.id IS NOT NULL AND mya.id IS NULL THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('n.publishedAt', 'DESC')
      .addOrderBy('n.id', 'ASC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawAndEntities();
    return { items: entities.map((e, i) => this.summary(e, raw[i] as Record<string, unknown>)), total, page: q.page, pageSize: q.pageSize };
  }

  /** A notice the caller may read, else 404. */
  private async load(actor: Principal, id: string): Promise<NoticeEntity & { raw: Record<string, unknown> }> {
    const s = await this.scope.of(actor);
    const qb = this.base(actor).where('n.id = :id', { id });
    this.readable(qb, s);
    const { entities, raw } = await qb.getRawAndEntities();
    if (entities.length === 0) throw AppError.notFound();
    return Object.assign(entities[0], { raw: raw[0] as Record<string, unknown> });
  }

  async get(actor: Principal, id: string): Promise<Notice> {
    const n = await this.load(actor, id);
    const s = await this.scope.of(actor);
    const files = await this.files.views(n.attachmentIds);
    return {
      ...this.summary(n, n.raw),
      body: n.body,
      attachments: n.attachmentIds.map((f) => files.get(f)).filter((f): f is NonNullable<typeof f> => !!f),
      canManage: this.mayManage(s, actor, n),
      reminderRounds: n.reminderRound,
    };
  }

  // ---------------------------------------------------------------- confirm

  /** The caller confirms the current version; a repeat answers the first confirmation. Only recipients. */
  async ack(actor: Principal, id: string, version?: number): Promise<Notice> {
    const n = await this.load(actor, id);
    if (n.raw.meId === null || n.raw.meId === undefined) throw AppError.forbidden();
    if (version !== undefined && version !== n.version) throw AppError.conflict('NOTICE_CHANGED');
    const now = this.clock.now();
    await this.db.transaction(async (em) => {
      await em.createQueryBuilder().insert().into(NoticeAckEntity).values({ id: randomUUID(), noticeId: id, userId: actor.userId, version: n.version, at: now }).orIgnore().execute();
      // the notice's messages in the inbox are dealt with once it is confirmed
      await em.getRepository(NotificationEntity).update({ userId: actor.userId, link: `/notices/${id}`, readAt: IsNull() }, { readAt: now });
    });
    return this.get(actor, id);
  }

  /** Who confirmed the current version, who has not (the publisher and who manages the scope). */
  async acks(actor: Principal, id: string): Promise<NoticeAcks> {
    const n = await this.load(actor, id);
    if (!this.mayManage(await this.scope.of(actor), actor, n)) throw AppError.forbidden();
    const rows = await this.db
      .getRepository(NoticeRecipientEntity)
      .createQueryBuilder('nr')
      .innerJoin(UserEntity, 'u', 'u.id = nr.userId')
      .leftJoin(EnterpriseEntity, 'e', 'e.id = nr.enterpriseId')
      .leftJoin(NoticeAckEntity, 'a', 'a.noticeId = nr.noticeId AND a.userId = nr.userId AND a.version = :v', { v: n.version })
      .select(['nr.userId AS userId', 'u.name AS name', 'nr.enterpriseId AS enterpriseId', 'e.name AS enterpriseName', 'a.at AS confirmedAt'])
      .where('nr.noticeId = :id', { id })
      .orderBy('e.name', 'ASC')
      .addOrderBy('u.name', 'ASC')
      .getRawMany<{ userId: string; name: string; enterpriseId: string | null; enterpriseName: string | null; confirmedAt: Date | string | null }>();
    const reminded = await this.remindedCounts(n.id, n.version);
    const people: NoticeAckPerson[] = rows.map((r) => ({ ...r, confirmedAt: iso(r.confirmedAt), reminded: reminded.get(r.userId) ?? 0 }));
    return { noticeId: id, version: n.version, confirmed: people.filter((p) => p.confirmedAt), pending: people.filter((p) => !p.confirmedAt) };
  }

  private async remindedCounts(id: string, version: number): Promise<Map<string, number>> {
    const rows = await this.db
      .getRepository(NotificationEntity)
      .createQueryBuilder('x')
      .select('x.userId', 'userId')
      .addSelect('COUNT(*)', 'n')
      .where('x.kind = :k AND x.dedupeKey LIKE :p', { k: 'notice_reminder', p: `notice_reminder:${id}:v${version}:%` })
      .groupBy('x.userId')
      .getRawMany<{ userId: string; n: number | string }>();
    return new Map(rows.map((r) => [r.userId, Number(r.n)]));
  }

  /**
   * A reminder round to those who have not confirmed: each person once per round (the round is in the
   * notifications' dedupe key). A round within REMIND_MIN_INTERVAL_MIN of the last one is that same round.
   */
  async remind(actor: Principal, id: string): Promise<RemindResult> {
    const n = await this.load(actor, id);
    if (!this.mayManage(await this.scope.of(actor), actor, n)) throw AppError.forbidden();
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - REMIND_MIN_INTERVAL_MIN * 60_000);
    if (n.remindedAt && n.remindedAt > cutoff) return { round: n.reminderRound, reminded: 0 };
    return this.db.transaction(async (em) => {
      const pending = await em
        .getRepository(NoticeRecipientEntity)
        .createQueryBuilder('nr')
        .leftJoin(NoticeAckEntity, 'a', 'a.noticeId = nr.noticeId AND a.userId = nr.userId AND a.version = :v', { v: n.version })
        .select('nr.userId', 'userId')
        .where('nr.noticeId = :id AND a.id IS NULL', { id })
        .getRawMany<{ userId: string }>();
      // everybody confirmed: no round to send
      if (pending.length === 0) return { round: n.reminderRound, reminded: 0 };
      const round = n.reminderRound + 1;
      // Only one of two parallel taps moves the round on; the other reminds nobody.
      const res = await em
        .getRepository(NoticeEntity)
        .createQueryBuilder()
        .update()
        .set({ reminderRound: round, remindedAt: now })
        .where('id = :id AND version = :v AND reminderRound = :r AND (remindedAt IS NULL OR remindedAt < :cutoff)', { id, v: n.version, r: n.reminderRound, cutoff })
        .execute();
      if (!res.affected) return { round: n.reminderRound, reminded: 0 };
      const label = NOTICE_CATEGORY_LABELS[n.category];
      await this.notify(
        em,
        pending.map((p) => ({
          userId: p.userId,
          kind: 'notice_reminder' as const,
          title: `请确认${label}（第 ${round} 次提醒）`,
          body: n.title,
          link: `/notices/${id}`,
          dedupeKey: `notice_reminder:${id}:v${n.version}:r${round}:${p.userId}`,
        })),
      );
      return { round, reminded: pending.length };
    });
  }
}
