import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CreatedColumn, IdColumn, RefColumn, TimeColumn } from '../database/columns';
import { UserEntity } from '../users/user.entity';
import { CooperativeEntity } from './cooperative.entity';
import { EnterpriseEntity } from './enterprise.entity';

@Entity('invitations')
@Index('ix_invitations_coop', ['cooperativeId', 'createdAt'])
export class InvitationEntity {
  @IdColumn() id!: string;

  @Index('uq_invitations_code', { unique: true })
  @Column({ type: 'varchar', length: 8 })
  code!: string;

  @ForeignKey(() => CooperativeEntity, { name: 'fk_invitations_cooperative' })
  @RefColumn()
  cooperativeId!: string;

  @ForeignKey(() => UserEntity, { name: 'fk_invitations_created_by' })
  @RefColumn()
  createdById!: string;

  @TimeColumn() expiresAt!: Date;
  @Column({ type: 'int' }) maxUses!: number;
  @Column({ type: 'int', default: 0 }) uses!: number;
  /** Set when issued for one member enterprise: the invitation then joins/claims only that one. */
  @ForeignKey(() => EnterpriseEntity, { name: 'fk_invitations_enterprise' })
  @RefColumn(true)
  enterpriseId!: string | null;

  @TimeColumn(true) revokedAt!: Date | null;
  @CreatedColumn() createdAt!: Date;
}
