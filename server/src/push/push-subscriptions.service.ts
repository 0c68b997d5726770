import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import type { PushTemplate } from '../../../shared/push-templates';
import type { Principal } from '../../../shared/policy';
import type { AcceptedSubscriptions, SubscriptionList, SubscriptionPrefs } from '../../../shared/schemas/push';
import { AppError } from '../common/app-error';
import { AppConfig } from '../config/config';
import { UserEntity } from '../users/user.entity';
import { PushSubscriptionEntity } from './push-subscription.entity';

export type SpendOutcome = 'spent' | 'no_quota' | 'opted_out';

/** Quota of one-time subscriptions per person and template, and their own on/off switch. */
@Injectable()
export class PushSubscriptionsService {
  private readonly mysql: boolean;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {
    this.mysql = db.options.type === 'mysql' || db.options.type === 'mariadb';
  }

  get templates(): readonly PushTemplate[] {
    return this.config.push.templates;
  }

  async list(actor: Principal): Promise<SubscriptionList> {
    const user = await this.db.getRepository(UserEntity).findOne({ where: { id: actor.userId }, select: { id: true, openid: true } });
    const hasWechat = !!user?.openid;
    const rows = await this.db.getRepository(PushSubscriptionEntity).findBy({ userId: actor.userId, templateId: In(this.templates.map((t) => t.templateId)) });
    const byId = new Map(rows.map((r) => [r.templateId, r]));
    return {
      hasWechat,
      items: this.templates.map((t) => {
        const row = byId.get(t.templateId);
        const enabled = row ? !!row.enabled : true;
        const remaining = row?.quota ?? 0;
        return { topic: t.topic, templateId: t.templateId, label: t.label, enabled, remaining, willNotify: hasWechat && enabled && remaining > 0 };
      }),
    };
  }

  /** One more message allowed per accepted template: +1 in one statement, so parallel accepts all count. */
  async accept(actor: Principal, body: AcceptedSubscriptions): Promise<SubscriptionList> {
    const ids = this.known(body.templateIds.map((id, i) => ({ id, field: `templateIds.${i}` })));
    for (const id of ids) await this.upsert(actor.userId, id, 'quota');
    return this.list(actor);
  }

  async setPrefs(actor: Principal, body: SubscriptionPrefs): Promise<SubscriptionList> {
    this.known(body.items.map((it, i) => ({ id: it.templateId, field: `items.${i}.templateId` })));
    for (const it of body.items) await this.upsert(actor.userId, it.templateId, it.enabled ? 'on' : 'off');
    return this.list(actor);
  }

  /** Takes one message of quota (the worker, before sending): a conditional UPDATE, never read-modify-write. */
  async spend(userId: string, templateId: string, em: EntityManager = this.db.manager): Promise<SpendOutcome> {
    const res = await em
      .createQueryBuilder()
      .update(PushSubscriptionEntity)
      .set({ quota: () => `${this.col('quota')} - 1` })
      .where('userId = :userId AND templateId = :templateId AND quota > 0 AND enabled = :on', { userId, templateId, on: true })
      .execute();
    if ((res.affected ?? 0) > 0) return 'spent';
    const row = await em.getRepository(PushSubscriptionEntity).findOneBy({ userId, templateId });
    return row && !row.enabled ? 'opted_out' : 'no_quota';
  }

  /** Gives the quota back when WeChat did not deliver for reasons of ours (busy, token, configuration). */
  async refund(userId: string, templateId: string): Promise<void> {
    await this.db
      .createQueryBuilder()
      .update(PushSubscriptionEntity)
      .set({ quota: () => `${this.col('quota')} + 1` })
      .where('userId = :userId AND templateId = :templateId', { userId, templateId })
      .execute();
  }

  /** The distinct ids, each a configured template; otherwise 422 naming the unknown ones. */
  private known(entries: { id: string; field: string }[]): string[] {
    const configured = new Set(this.templates.map((t) => t.templateId));
    const bad = entries.filter((e) => !configured.has(e.id));
    if (bad.length > 0) throw AppError.validation(Object.fromEntries(bad.map((e) => [e.field, '未配置的消息模板'])));
    return [...new Set(entries.map((e) => e.id))];
  }

  /**
   * INSERT … ON DUPLICATE KEY UPDATE (MySQL) / ON CONFLICT DO UPDATE (SQLite): one atomic statement per
   * accept or switch. In a transaction so that an InnoDB deadlock between parallel first inserts of one key
   * is rerun (database/resilience.ts) rather than lost.
   */
  private async upsert(userId: string, templateId: string, change: 'quota' | 'on' | 'off'): Promise<void> {
    const c = (n: string) => this.col(n);
    const quota = change === 'quota' ? 1 : 0;
    const enabled = change === 'off' ? 0 : 1;
    const set = change === 'quota' ? `${c('quota')} = ${c('quota')} + 1` : `${c('enabled')} = ${enabled}`;
    const now = this.mysql ? 'CURRENT_TIMESTAMP(6)' : "strftime('%Y-%m-%d %H:%M:%f', 'now')";
    const insert = `INSERT INTO ${c('push_subscriptions')} (${c('userId')}, ${c('templateId')}, ${c('quota')}, ${c('enabled')}, ${c('updatedAt')}) VALUES (?, ?, ${quota}, ${enabled}, ${now})`;
    const sql = this.mysql
      ? `${insert} ON DUPLICATE KEY UPDATE ${set}, ${c('updatedAt')} = ${now}`
      : `${insert} ON CONFLICT (${c('userId')}, ${c('templateId')}) DO UPDATE SET ${set}, ${c('updatedAt')} = ${now}`;
    await this.db.transaction((em) => em.query(sql, [userId, templateId]));
  }

  private col(name: string): string {
    return this.db.driver.escape(name);
  }
}
