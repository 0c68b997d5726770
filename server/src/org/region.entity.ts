import { Column, Entity } from 'typeorm';
import type { RegionLevel } from '../../../shared/enums';
import { IdColumn, RefColumn } from '../database/columns';

@Entity('regions')
export class RegionEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 60 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) level!: RegionLevel;
  @RefColumn(true) parentId!: string | null;
}
