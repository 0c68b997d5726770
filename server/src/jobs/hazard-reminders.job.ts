import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, LessThanOrEqual, MoreThan } from 'typeorm';
import { addDays, shanghaiDate } from '../../../shared/dates';
import { type ReminderStep, dueReminders, reminderText } from '../../../shared/reminders';
import { Clock } from '../common/clock';
import { AppConfig } from '../config/config';
import { HazardPeople } from '../hazards/hazard-people';
import { HazardEntity } from '../hazards/hazard.entity';
import { type NewNotification, NotificationsService } from '../notifications/notifications.service';
import { EnterpriseEntity } from '../org/enterprise.entity';

const BATCH = 500;

/**
 * Deadline reminders and overdue escalation as inbox notices (shared/reminders.ts decides which). Runs at
 * boot and every few minutes on every instance: the notice's dedupe key
 * `hazard_reminder:<hazard>:<deadline>:<step>:<user>` is unique, so a second run or a second instance adds
 * nothing, and an extension (a new deadline) starts the reminders again. Push delivery reads the same rows.
 */
@Injectable()
export class HazardRemindersJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly log = new Logger('HazardReminders');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly people: HazardPeople,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.jobs.enabled) return;
    const tick = () => {
      // one run at a time per instance; other instances are kept out of doubles by the unique key
      this.running ??= this.run()
        .catch((err: unknown) => this.log.error(`reminder run failed: ${String(err)}`))
        .finally(() => (this.running = null));
    };
    this.timer = setInterval(tick, this.config.jobs.reminderEveryMs);
    this.timer.unref();
    setTimeout(tick, 1000).unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass over the open hazards due within 3 days or overdue; returns how many notices it offered. */
  async run(): Promise<{ hazards: number; offered: number }> {
    const today = shanghaiDate(this.clock.now());
    const memo = new Map<string, Promise<string[]>>();
    const once = (key: string, load: () => Promise<string[]>) => {
      if (!memo.has(key)) memo.set(key, load());
      return memo.get(key) as Promise<string[]>;
    };
    let after = '';
    let hazards = 0;
    let offered = 0;
    for (;;) {
      const rows = await this.db.getRepository(HazardEntity).find({
        where: { status: In(['reported', 'pending_verification']), deadline: LessThanOrEqual(addDays(today, 3)), id: MoreThan(after) },
        order: { id: 'ASC' },
        take: BATCH,
      });
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      const names = new Map(
        (await this.db.getRepository(EnterpriseEntity).find({ where: { id: In([...new Set(rows.map((r) => r.enterpriseId))]) }, select: { id: true, name: true } })).map((e) => [e.id, e.name]),
      );
      const notices: NewNotification[] = [];
      for (const h of rows) {
        for (const step of dueReminders(h, today)) {
          const users = await this.recipients(step, h, once);
          const text = reminderText(step, { deadline: h.deadline, description: h.description, enterpriseName: names.get(h.enterpriseId) ?? '' }, today);
          for (const userId of users) {
            notices.push({
              userId,
              kind: step === 'oc' || step === 'os' ? 'hazard_overdue' : 'hazard_reminder',
              ...text,
              link: `/hazards/${h.id}`,
              dedupeKey: `hazard_reminder:${h.id}:${h.deadline}:${step}:${userId}`,
            });
          }
        }
      }
      hazards += rows.length;
      offered += notices.length;
      for (let i = 0; i < notices.length; i += BATCH) await this.notifications.add(this.db.manager, notices.slice(i, i + BATCH));
    }
    return { hazards, offered };
  }

  private recipients(step: ReminderStep, h: HazardEntity, once: (key: string, load: () => Promise<string[]>) => Promise<string[]>): Promise<string[]> {
    const em = this.db.manager;
    const enterprise = () => once(`e:${h.enterpriseId}`, () => this.people.enterprise(em, h.enterpriseId));
    if (step === 'os') return once(`s:${h.enterpriseId}:${h.cooperativeId}`, () => this.people.supervisors(em, h));
    if (step === 'oc') {
      return once(`c:${h.enterpriseId}:${h.cooperativeId}`, async () => [...new Set([...(await this.people.coopAdmins(em, h.cooperativeId)), ...(await enterprise())])]);
    }
    return enterprise();
  }
}
