import { Entity, ForeignKey, PrimaryColumn } from 'typeorm';
import { CreatedColumn, RefColumn } from '../database/columns';
import { WorkshopEntity } from './workshop.entity';

/** A QR token or manual code replaced by rotation: scanning it answers 410 "该标签已作废" instead of 404. */
@Entity('workshop_retired_codes')
export class WorkshopRetiredCodeEntity {
  @PrimaryColumn({ type: 'varchar', length: 32 }) code!: string;

  @ForeignKey(() => WorkshopEntity, { name: 'fk_workshop_retired_codes_workshop' })
  @RefColumn()
  workshopId!: string;

  @CreatedColumn() retiredAt!: Date;
}
