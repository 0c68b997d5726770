import { Column, Entity, Index } from 'typeorm';
import { CreatedColumn, IdColumn, RefColumn, TimeColumn } from '../database/columns';

@Entity('invitations')
export class InvitationEntity {
  @IdColumn() id!: string;

  @Index('uq_invitations_code', { unique: true })
  @Column({ type: 'varchar', length: 8 })
  code!: string;

  @RefColumn() cooperativeId!: string;
  @RefColumn() createdById!: string;
  @TimeColumn() expiresAt!: Date;
  @Column({ type: 'int' }) maxUses!: number;
  @Column({ type: 'int', default: 0 }) uses!: number;
  @CreatedColumn() createdAt!: Date;
}
