import { Column, Entity, Index } from 'typeorm';
import { CreatedColumn, IdColumn, RefColumn } from '../database/columns';

@Entity('cooperatives')
@Index('ix_cooperatives_region', ['regionId'])
export class CooperativeEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 80 }) name!: string;
  @RefColumn() regionId!: string;
  @Column({ type: 'varchar', length: 40 }) industry!: string;
  @RefColumn(true) leadEnterpriseId!: string | null;
  @Column({ type: 'date', nullable: true }) foundedOn!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) description!: string | null;
  @CreatedColumn() createdAt!: Date;
}
