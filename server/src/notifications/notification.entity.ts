import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { NotificationKind } from '../../../shared/schemas/notifications';
import { CreatedColumn, IdColumn, RefColumn, TimeColumn } from '../database/columns';
import { UserEntity } from '../users/user.entity';

/**
 * One in-app notice for one person, also the outbox row a push channel (WeChat subscribe messages) will
 * deliver: it picks rows with pushStatus 'pending' and records the outcome; the inbox never changes.
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

  @CreatedColumn() createdAt!: Date;
  @TimeColumn(true) readAt!: Date | null;
}
