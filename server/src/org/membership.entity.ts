import { Column, Entity, Index } from 'typeorm';
import { CreatedColumn, IdColumn, RefColumn } from '../database/columns';

/** An enterprise's membership of a cooperative; `until` null while active. Rows are never deleted. */
@Entity('memberships')
@Index('ix_memberships_coop', ['cooperativeId', 'until'])
@Index('ix_memberships_enterprise', ['enterpriseId'])
export class MembershipEntity {
  @IdColumn() id!: string;
  @RefColumn() cooperativeId!: string;
  @RefColumn() enterpriseId!: string;
  @Column({ type: 'date' }) since!: string;
  @Column({ type: 'date', nullable: true }) until!: string | null;
  @CreatedColumn() createdAt!: Date;
}
