import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CreatedColumn, IdColumn, RefColumn } from '../database/columns';
import { CooperativeEntity } from './cooperative.entity';
import { EnterpriseEntity } from './enterprise.entity';

/** An enterprise's membership of a cooperative; `until` null while active. Rows are never deleted. */
@Entity('memberships')
@Index('ix_memberships_coop', ['cooperativeId', 'until'])
@Index('ix_memberships_enterprise', ['enterpriseId'])
// At most one active membership per cooperative and enterprise, enforced by the database.
@Index('uq_memberships_active', ['cooperativeId', 'enterpriseId', 'activeKey'], { unique: true })
export class MembershipEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => CooperativeEntity, { name: 'fk_memberships_cooperative' })
  @RefColumn()
  cooperativeId!: string;

  @ForeignKey(() => EnterpriseEntity, { name: 'fk_memberships_enterprise' })
  @RefColumn()
  enterpriseId!: string;

  @Column({ type: 'date' }) since!: string;
  @Column({ type: 'date', nullable: true }) until!: string | null;

  /**
   * 1 while active (`until` null), NULL once ended: both databases treat NULLs as distinct in a unique
   * index, so ended rows never collide. Kept in step with `until` by DerivedKeysSubscriber.
   */
  @Column({ type: 'int', nullable: true, default: 1 })
  activeKey!: number | null;

  @CreatedColumn() createdAt!: Date;
}
