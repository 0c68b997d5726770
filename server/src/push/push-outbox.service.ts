import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type Principal, isAdmin } from '../../../shared/policy';
import { PUSH_STATUSES, type OutboxEntry, type OutboxList, type OutboxQuery, type PushStatus } from '../../../shared/schemas/push';
import { AppError } from '../common/app-error';
import { NotificationEntity } from '../notifications/notification.entity';
import { UserEntity } from '../users/user.entity';

/** The platform admin's view of the push outbox: what is queued, sent, skipped and failed (with errcodes). */
@Injectable()
export class PushOutboxService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(actor: Principal, q: OutboxQuery): Promise<OutboxList> {
    if (!isAdmin(actor)) throw AppError.forbidden();
    const repo = this.db.getRepository(NotificationEntity);
    const qb = repo.createQueryBuilder('n').leftJoin(UserEntity, 'u', 'u.id = n.userId').addSelect('u.name', 'userName');
    if (q.status) qb.where('n.pushStatus = :status', { status: q.status });
    const total = await qb.clone().getCount();
    const { entities, raw } = await qb
      .orderBy('n.createdAt', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .offset((q.page - 1) * q.pageSize)
      .limit(q.pageSize)
      .getRawAndEntities<{ userName: string | null }>();
    const grouped: { status: string; n: string | number }[] = await repo
      .createQueryBuilder('n')
      .select('n.pushStatus', 'status')
      .addSelect('COUNT(*)', 'n')
      .groupBy('n.pushStatus')
      .getRawMany();
    const counts = Object.fromEntries(PUSH_STATUSES.map((s) => [s, 0])) as Record<PushStatus, number>;
    for (const g of grouped) if ((PUSH_STATUSES as readonly string[]).includes(g.status)) counts[g.status as PushStatus] = Number(g.n);
    return { items: entities.map((n, i) => toEntry(n, raw[i]?.userName ?? '')), total, page: q.page, pageSize: q.pageSize, counts };
  }
}

function toEntry(n: NotificationEntity, userName: string): OutboxEntry {
  return {
    id: n.id,
    userId: n.userId,
    userName,
    kind: n.kind,
    title: n.title,
    status: n.pushStatus,
    attempts: n.pushAttempts,
    errcode: n.pushErrcode,
    reason: n.pushReason,
    templateId: n.pushTemplateId,
    createdAt: n.createdAt.toISOString(),
    pushedAt: n.pushedAt ? n.pushedAt.toISOString() : null,
    nextAttemptAt: n.pushNextAt ? n.pushNextAt.toISOString() : null,
  };
}
