import { Column, Entity, ForeignKey } from 'typeorm';
import type { RegionLevel } from '../../../shared/enums';
import { IdColumn, RefColumn } from '../database/columns';

@Entity('regions')
export class RegionEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 60 }) name!: string;
  @Column({ type: 'varchar', length: 16 }) level!: RegionLevel;
  @ForeignKey(() => RegionEntity, { name: 'fk_regions_parent' })
  @RefColumn(true)
  parentId!: string | null;
}
