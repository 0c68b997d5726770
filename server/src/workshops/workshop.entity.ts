import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { RiskLevel } from '../../../shared/enums';
import { CreatedColumn, IdColumn, RefColumn, UpdatedColumn } from '../database/columns';
import { EnterpriseEntity } from '../org/enterprise.entity';

/** A workshop / risk point (车间、风险点) of an enterprise, with the QR label on its wall. */
@Entity('workshops')
@Index('ix_workshops_enterprise', ['enterpriseId', 'name'])
export class WorkshopEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => EnterpriseEntity, { name: 'fk_workshops_enterprise' })
  @RefColumn()
  enterpriseId!: string;

  @Column({ type: 'varchar', length: 60 }) name!: string;
  @Column({ type: 'varchar', length: 120, default: '' }) location!: string;
  @Column({ type: 'varchar', length: 40, default: '' }) responsiblePerson!: string;
  @Column({ type: 'varchar', length: 8 }) riskLevel!: RiskLevel;

  // LEC inputs in tenths (L and E go down to 0.1 / 0.5): integers compare exactly on both databases.
  @Column({ type: 'int', nullable: true }) lecL10!: number | null;
  @Column({ type: 'int', nullable: true }) lecE10!: number | null;
  @Column({ type: 'int', nullable: true }) lecC!: number | null;

  /** 192 random bits, base64url (32 chars: fits a mini-program code's 32-char `scene`). */
  @Index('uq_workshops_qr_token', { unique: true })
  @Column({ type: 'varchar', length: 32 })
  qrToken!: string;

  /** Short code printed under the QR code for typing when scanning is impossible. */
  @Index('uq_workshops_manual_code', { unique: true })
  @Column({ type: 'varchar', length: 8 })
  manualCode!: string;

  @CreatedColumn() createdAt!: Date;
  @UpdatedColumn() updatedAt!: Date;
}
