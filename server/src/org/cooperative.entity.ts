import { Column, Entity, ForeignKey, Index } from 'typeorm';
import { CreatedColumn, IdColumn, RefColumn } from '../database/columns';
import { EnterpriseEntity } from './enterprise.entity';
import { RegionEntity } from './region.entity';

@Entity('cooperatives')
@Index('ix_cooperatives_region', ['regionId'])
export class CooperativeEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 80 }) name!: string;
  @ForeignKey(() => RegionEntity, { name: 'fk_cooperatives_region' })
  @RefColumn()
  regionId!: string;

  @Column({ type: 'varchar', length: 40 }) industry!: string;
  @ForeignKey(() => EnterpriseEntity, { name: 'fk_cooperatives_lead_enterprise' })
  @RefColumn(true)
  leadEnterpriseId!: string | null;

  @Column({ type: 'date', nullable: true }) foundedOn!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) description!: string | null;
  @CreatedColumn() createdAt!: Date;
}
