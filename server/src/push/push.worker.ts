import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { pushData, pushPage, templateFor } from '../../../shared/push-templates';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/config';
import { NotificationEntity } from '../notifications/notification.entity';
import { UserEntity } from '../users/user.entity';
import { WX_BUSY, WX_SUBSCRIBE_REFUSED, WX_TOKEN_ERRCODES } from '../wechat/wechat.errors';
import { WeChatClient } from '../wechat/wechat.client';
import { PushSubscriptionsService, type SpendOutcome } from './push-subscriptions.service';

/** Tunables; tests shorten them through `PushWorker.options`. */
export interface PushWorkerOptions {
  /** Rows claimed per round. */
  batch: number;
  /** Attempts before a busy/token failure is given up (pushStatus failed). */
  maxAttempts: number;
  /** Back-off before attempt n+1: retryBaseMs × 2^(n−1). */
  retryBaseMs: number;
}

/** A push that cannot succeed until an operator fixes the configuration (docs/wechat.md "Push"). */
const CONFIG_ERRCODES: ReadonlySet<number> = new Set([47003, 40037, 41030]);
/** pushReason while a send is under way: the row holds one spent quota (taken over with the row). */
const SENDING = 'sending';
/** The openid is not one of this app's users (e.g. another AppID): no retry helps. */
const BAD_OPENID = 40003;

export interface PushRound {
  claimed: number;
  sent: number;
  skipped: number;
  failed: number;
  retried: number;
}

type Outcome =
  | { status: 'sent' }
  | { status: 'skipped' | 'failed'; reason: string; errcode?: number | null }
  | { status: 'retry'; reason: string; errcode: number | null };

/**
 * Delivers the outbox (notifications with pushStatus 'pending') as WeChat subscribe messages. Runs on every
 * instance. A round claims a batch — MySQL/MariaDB: `SELECT … FOR UPDATE SKIP LOCKED` and an UPDATE in one
 * short transaction; SQLite (one process): a single conditional UPDATE — then sends one message at a time
 * outside any transaction, renewing the claim of each row right before its send. So an instance that dies
 * leaves at most the one message it was sending to be sent again once its claim goes stale; the rest of its
 * batch is taken over unsent. Each outcome is recorded only while the claim is still this round's.
 */
@Injectable()
export class PushWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('PushWorker');
  readonly instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  readonly options: PushWorkerOptions = { batch: 20, maxAttempts: 5, retryBaseMs: 30_000 };
  private readonly mysql: boolean;
  private round = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly wechat: WeChatClient,
    private readonly subscriptions: PushSubscriptionsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.mysql = db.options.type === 'mysql' || db.options.type === 'mariadb';
  }

  onApplicationBootstrap(): void {
    if (!this.config.jobs.enabled) return;
    const tick = () => {
      this.running ??= this.drain()
        .then((r) => {
          if (r.claimed > 0) this.log.debug(`pushed: ${r.sent} sent, ${r.skipped} skipped, ${r.failed} failed, ${r.retried} to retry`);
        })
        .catch((err: unknown) => this.log.error(`push round failed: ${String(err)}`))
        .finally(() => (this.running = null));
    };
    this.timer = setInterval(tick, this.config.push.everyMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Rounds until nothing is due (rows waiting for their back-off stay for later). */
  async drain(): Promise<PushRound> {
    const total: PushRound = { claimed: 0, sent: 0, skipped: 0, failed: 0, retried: 0 };
    while (!this.stopped) {
      const r = await this.runOnce();
      for (const k of Object.keys(total) as (keyof PushRound)[]) total[k] += r[k];
      if (r.claimed === 0) break;
    }
    return total;
  }

  /** One round: claim a batch, deliver it one by one. */
  async runOnce(): Promise<PushRound> {
    const token = `${this.instanceId}#${++this.round}`;
    const rows = await this.claim(token);
    const result: PushRound = { claimed: rows.length, sent: 0, skipped: 0, failed: 0, retried: 0 };
    if (rows.length === 0) return result;
    const users = await this.db.getRepository(UserEntity).find({ where: { id: In([...new Set(rows.map((r) => r.userId))]) }, select: { id: true, openid: true } });
    const openids = new Map(users.map((u) => [u.id, u.openid]));
    for (const row of rows) {
      if (this.stopped) break; // the rest of the batch goes stale and is taken over
      const outcome = await this.deliver(row, token, openids.get(row.userId) ?? null);
      if (outcome === null) continue;
      if (outcome.status === 'retry') result.retried++;
      else result[outcome.status]++;
    }
    return result;
  }

  private claimable(alias: string): string {
    return `${alias}.pushStatus = 'pending' AND (${alias}.pushNextAt IS NULL OR ${alias}.pushNextAt <= :now) AND (${alias}.pushClaimedAt IS NULL OR ${alias}.pushClaimedAt < :stale)`;
  }

  private async claim(token: string): Promise<NotificationEntity[]> {
    const now = this.clock.now();
    const params = { now, stale: new Date(now.getTime() - this.config.push.staleMs), token };
    const mark = (em: EntityManager) => em.createQueryBuilder().update(NotificationEntity).set({ pushClaimedBy: token, pushClaimedAt: now });
    if (this.mysql) {
      await this.db.transaction(async (em) => {
        const picked = await em
          .createQueryBuilder(NotificationEntity, 'n')
          .select('n.id', 'id')
          .where(this.claimable('n'), params)
          .orderBy('n.createdAt', 'ASC')
          .addOrderBy('n.id', 'ASC')
          .limit(this.options.batch)
          // other instances skip the rows this one locked instead of waiting for them
          .setLock('pessimistic_write')
          .setOnLocked('skip_locked')
          .getRawMany<{ id: string }>();
        if (picked.length > 0) await mark(em).where('id IN (:...ids)', { ids: picked.map((r) => r.id) }).execute();
      });
    } else {
      // SQLite locks nothing per row: pick and mark in one statement, so two workers never take the same rows
      const t = this.db.driver.escape('notifications');
      await mark(this.db.manager)
        .where(`id IN (SELECT id FROM ${t} WHERE ${this.claimable(t)} ORDER BY createdAt, id LIMIT ${this.options.batch})`, params)
        .execute();
    }
    return this.db.getRepository(NotificationEntity).find({ where: { pushClaimedBy: token, pushStatus: 'pending' }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Sends one claimed row and records the outcome; null when the claim was lost before the send. */
  private async deliver(row: NotificationEntity, token: string, openid: string | null): Promise<Outcome | null> {
    const template = templateFor(this.config.push.templates, row.kind);
    // The attempt starts now: renew the claim (a slow batch never goes stale under a live instance) and count it.
    const renewed = await this.db
      .createQueryBuilder()
      .update(NotificationEntity)
      .set({ pushClaimedAt: this.clock.now(), pushAttempts: () => `${this.db.driver.escape('pushAttempts')} + 1`, pushTemplateId: template?.templateId ?? null })
      .where("id = :id AND pushClaimedBy = :token AND pushStatus = 'pending'", { id: row.id, token })
      .execute();
    if ((renewed.affected ?? 0) === 0) return null;
    const attempts = row.pushAttempts + 1;

    let outcome: Outcome;
    if (!template) outcome = { status: 'skipped', reason: 'no_template' };
    else if (!openid) outcome = { status: 'skipped', reason: 'no_openid' };
    else {
      // 'sending': an instance spent this row's quota and died mid-send; the quota is still this row's
      const held = row.pushReason === SENDING && row.pushTemplateId === template.templateId;
      const spent = held ? 'spent' : await this.spend(row, token, template.templateId);
      if (spent === 'lost') return null;
      if (spent !== 'spent') outcome = { status: 'skipped', reason: spent };
      else {
        outcome = await this.send(row, template.templateId, openid, attempts, pushData(template, row));
        // WeChat kept the subscription when it did not deliver for reasons of ours: give the quota back
        if (outcome.status === 'retry' || outcome.status === 'failed') await this.subscriptions.refund(row.userId, template.templateId);
      }
    }
    await this.record(row.id, token, outcome, attempts);
    return outcome;
  }

  /**
   * Takes one quota and marks the row as holding it, together (one transaction on MySQL/MariaDB). 'lost':
   * another instance took the row over meanwhile, and the quota is not taken.
   */
  private async spend(row: NotificationEntity, token: string, templateId: string): Promise<SpendOutcome | 'lost'> {
    const lost = new Error('claim lost');
    const go = async (em: EntityManager): Promise<SpendOutcome> => {
      const spent = await this.subscriptions.spend(row.userId, templateId, em);
      if (spent !== 'spent') return spent;
      const marked = await em
        .createQueryBuilder()
        .update(NotificationEntity)
        .set({ pushReason: SENDING })
        .where("id = :id AND pushClaimedBy = :token AND pushStatus = 'pending'", { id: row.id, token })
        .execute();
      if ((marked.affected ?? 0) === 0) throw lost; // rolls the quota back
      return spent;
    };
    try {
      // SQLite: no transaction across awaits (a second app on the same file would wait on its lock synchronously)
      return this.mysql ? await this.db.transaction(go) : await go(this.db.manager);
    } catch (err) {
      if (err !== lost) throw err;
      if (!this.mysql) await this.subscriptions.refund(row.userId, templateId);
      return 'lost';
    }
  }

  private async send(row: NotificationEntity, templateId: string, openid: string, attempts: number, data: Record<string, { value: string }>): Promise<Outcome> {
    let errcode: number | null;
    try {
      const res = await this.wechat.sendSubscribeMessage({ touser: openid, templateId, page: pushPage(row.link), data });
      if (res.ok) return { status: 'sent' };
      errcode = res.errcode;
    } catch (err) {
      // WeChat unreachable, or the token could not be fetched: AppError without an errcode
      if (!(err instanceof AppError)) throw err;
      errcode = null;
    }
    if (errcode === WX_SUBSCRIBE_REFUSED) return { status: 'skipped', reason: 'refused', errcode };
    if (errcode !== null && CONFIG_ERRCODES.has(errcode)) {
      this.log.error(`push of notification ${row.id} refused by WeChat with errcode ${errcode}: check PUSH_TEMPLATES (template id, keywords) and pages`);
      return { status: 'failed', reason: `config:${errcode}`, errcode };
    }
    if (errcode === BAD_OPENID) return { status: 'failed', reason: 'bad_openid', errcode };
    const retryable = errcode === null || errcode === WX_BUSY || WX_TOKEN_ERRCODES.has(errcode);
    const reason = errcode === null ? 'wechat_unavailable' : retryable ? 'retry' : `unknown:${errcode}`;
    if (attempts >= this.options.maxAttempts) return { status: 'failed', reason: `gave_up:${errcode ?? 'unavailable'}`, errcode };
    return { status: 'retry', reason, errcode };
  }

  /** Writes the outcome if this round still holds the row (a takeover after a stall wins otherwise). */
  private async record(id: string, token: string, o: Outcome, attempts: number): Promise<void> {
    const now = this.clock.now();
    const errcode = o.status === 'sent' ? null : (o.errcode ?? null);
    const base = { pushErrcode: errcode, pushReason: o.status === 'sent' ? null : o.reason };
    const set =
      o.status === 'retry'
        ? {
            ...base,
            // back to the queue once the back-off has passed; attempts so far decide the wait
            pushClaimedAt: null,
            pushNextAt: new Date(now.getTime() + this.options.retryBaseMs * 2 ** (attempts - 1)),
          }
        : { ...base, pushStatus: o.status, pushedAt: o.status === 'sent' ? now : null, pushNextAt: null };
    await this.db
      .createQueryBuilder()
      .update(NotificationEntity)
      .set(set)
      .where("id = :id AND pushClaimedBy = :token AND pushStatus = 'pending'", { id, token })
      .execute();
  }
}
