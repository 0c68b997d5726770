import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { NotificationKind } from '../../../shared/schemas/notifications';
import { CreatedColumn, IdColumn, RefColumn, TimeColumn } from '../database/columns';
import { UserEntity } from '../users/user.entity';

/**
 * One in-app notice for one person, also the outbox row the push worker (WeChat subscribe messages,
 * server/src/push/) delivers: it claims rows with pushStatus 'pending' and records the outcome; the inbox
 * never changes.
 */
@Entity('notifications')
@Index('ix_notifications_user', ['userId', 'createdAt'])
@Index('ix_notifications_push', ['pushStatus', 'createdAt'])
export class NotificationEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => UserEntity, { name: 'fk_notifications_user' })
  @RefColumn()
  userId!: string;

  @Column({ type: 'varchar', length: 32 }) kind!: NotificationKind;
  @Column({ type: 'varchar', length: 80 }) title!: string;
  @Column({ type: 'varchar', length: 500 }) body!: string;
  @Column({ type: 'varchar', length: 200, nullable: true }) link!: string | null;

  /** Exactly once per (reason, person): e.g. `inspection_assigned:<inspectionId>:<userId>`. */
  @Index('uq_notifications_dedupe', { unique: true })
  @Column({ type: 'varchar', length: 120 })
  dedupeKey!: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' }) pushStatus!: 'pending' | 'sent' | 'failed' | 'skipped';
  @Column({ type: 'int', default: 0 }) pushAttempts!: number;
  @TimeColumn(true) pushedAt!: Date | null;
  // The push worker's claim (server/src/push/push.worker.ts): who holds the row and since when; a claim
  // older than the stale limit (its instance died mid-send) is taken over.
  @Column({ type: 'varchar', length: 80, nullable: true }) pushClaimedBy!: string | null;
  @TimeColumn(true) pushClaimedAt!: Date | null;
  /** A retry waits until then (back-off after busy or token errors). */
  @TimeColumn(true) pushNextAt!: Date | null;
  /** WeChat's last errcode and why the push ended unsent (shared/schemas/push.ts outboxEntrySchema.reason). */
  @Column({ type: 'int', nullable: true }) pushErrcode!: number | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) pushReason!: string | null;
  @Column({ type: 'varchar', length: 64, nullable: true }) pushTemplateId!: string | null;

  @CreatedColumn() createdAt!: Date;
  @TimeColumn(true) readAt!: Date | null;
}
