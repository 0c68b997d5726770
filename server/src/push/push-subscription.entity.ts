import { Column, Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { UpdatedColumn } from '../database/columns';
import { UserEntity } from '../users/user.entity';

/**
 * A person's one-time subscriptions to one WeChat template: `quota` accepted and not yet spent (each allows
 * one message), and their own switch. Changed only by single conditional statements (+1 on an accept,
 * −1 WHERE quota > 0 on a send), never read-modify-write, so parallel accepts and sends add up.
 */
@Entity('push_subscriptions')
export class PushSubscriptionEntity {
  @ForeignKey(() => UserEntity, { name: 'fk_push_subscriptions_user' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 }) templateId!: string;

  @Column({ type: 'int', default: 0 }) quota!: number;
  @Column({ type: 'boolean', default: true }) enabled!: boolean;
  @UpdatedColumn() updatedAt!: Date;
}
