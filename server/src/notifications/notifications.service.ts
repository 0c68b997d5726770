import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { Principal } from '../../../shared/policy';
import type { Notification, NotificationKind, NotificationList, NotificationQuery, ReadAllResult } from '../../../shared/schemas/notifications';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { NotificationEntity } from './notification.entity';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  link: string | null;
  /** Exactly once per key: a repeated call (a retried job, a second instance) adds nothing. */
  dedupeKey: string;
}

/** The in-app inbox; each row is also the outbox entry a later push channel delivers. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  /** Adds notices inside the caller's transaction; rows whose dedupeKey exists are skipped. */
  async add(em: EntityManager, rows: NewNotification[]): Promise<void> {
    if (rows.length === 0) return;
    await em
      .createQueryBuilder()
      .insert()
      .into(NotificationEntity)
      .values(rows.map((r) => ({ ...r, id: randomUUID(), pushStatus: 'pending' as const, pushAttempts: 0, pushedAt: null, readAt: null })))
      .orIgnore()
      .execute();
  }

  async list(actor: Principal, q: NotificationQuery): Promise<NotificationList> {
    const repo = this.db.getRepository(NotificationEntity);
    const qb = repo.createQueryBuilder('n').where('n.userId = :uid', { uid: actor.userId });
    if (q.unread === 'true') qb.andWhere('n.readAt IS NULL');
    // unread first, then newest
    const [rows, total] = await qb
      .orderBy('CASE WHEN n.readAt IS NULL THEN 0 ELSE 1 END', 'ASC')
      .addOrderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize)
      .getManyAndCount();
    const unread = await repo.countBy({ userId: actor.userId, readAt: IsNull() });
    return { items: rows.map(toDto), total, unread, page: q.page, pageSize: q.pageSize };
  }

  /** Marks every unread notice of the caller read, in one UPDATE (a repeat marks none); others' are untouched. */
  async readAll(actor: Principal): Promise<ReadAllResult> {
    const repo = this.db.getRepository(NotificationEntity);
    const res = await repo.update({ userId: actor.userId, readAt: IsNull() }, { readAt: this.clock.now() });
    const unread = await repo.countBy({ userId: actor.userId, readAt: IsNull() });
    return { marked: res.affected ?? 0, unread };
  }

  /** Marks one of the caller's notices read (idempotent); someone else's answers 404. */
  async read(actor: Principal, id: string): Promise<Notification> {
    const repo = this.db.getRepository(NotificationEntity);
    await repo.update({ id, userId: actor.userId, readAt: IsNull() }, { readAt: this.clock.now() });
    const row = await repo.findOneBy({ id, userId: actor.userId });
    if (!row) throw AppError.notFound();
    return toDto(row);
  }
}

function toDto(n: NotificationEntity): Notification {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
