import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CreatedColumn, IdColumn, RefColumn, UpdatedColumn } from '../database/columns';
import { RegionEntity } from './region.entity';

@Entity('enterprises')
export class EnterpriseEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 100 }) name!: string;

  @Index('uq_enterprises_credit_code', { unique: true })
  @Column({ type: 'varchar', length: 18 })
  creditCode!: string;

  @Column({ type: 'varchar', length: 40 }) industry!: string;
  @Column({ type: 'varchar', length: 200 }) address!: string;
  @Column({ type: 'int' }) headcount!: number;
  @Column({ type: 'varchar', length: 40 }) contactName!: string;
  @Column({ type: 'varchar', length: 20 }) contactPhone!: string;
  /** The town the enterprise sits in; set from its first cooperative. */
  @ForeignKey(() => RegionEntity, { name: 'fk_enterprises_region' })
  @RefColumn(true)
  regionId!: string | null;

  @CreatedColumn() createdAt!: Date;
  @UpdatedColumn() updatedAt!: Date;
}
