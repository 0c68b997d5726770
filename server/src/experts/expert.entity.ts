import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { ExpertField } from '../../../shared/schemas/experts';
import { CreatedColumn, IdColumn, RefColumn, UpdatedColumn } from '../database/columns';
import { InspectionEntity } from '../inspections/inspection.entity';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { RegionEntity } from '../org/region.entity';
import { UserEntity } from '../users/user.entity';

/** What an expert is registered for (the `expert` role grant says whom they serve). One per person. */
@Entity('expert_profiles')
export class ExpertProfileEntity {
  @IdColumn() id!: string;

  @Index('uq_expert_profiles_user', { unique: true })
  @ForeignKey(() => UserEntity, { name: 'fk_expert_profiles_user' })
  @RefColumn()
  userId!: string;

  @Column({ type: 'varchar', length: 20 }) field!: ExpertField;
  @Column({ type: 'simple-json' }) certificates!: string[];
  @Column({ type: 'varchar', length: 80, nullable: true }) title!: string | null;

  /** Where they were registered: a region (by a supervisor) or a cooperative (by its admin). */
  @ForeignKey(() => RegionEntity, { name: 'fk_expert_profiles_region' })
  @RefColumn(true)
  regionId!: string | null;

  @ForeignKey(() => CooperativeEntity, { name: 'fk_expert_profiles_cooperative' })
  @RefColumn(true)
  cooperativeId!: string | null;

  @ForeignKey(() => UserEntity, { name: 'fk_expert_profiles_created_by' })
  @RefColumn()
  createdById!: string;

  @CreatedColumn() createdAt!: Date;
  @UpdatedColumn() updatedAt!: Date;
}

/** An expert visit: runs one `expert` inspection and ends in the prescription (整改处方). */
@Entity('expert_visits')
@Index('ix_expert_visits_expert', ['expertUserId', 'scheduledOn'])
@Index('ix_expert_visits_enterprise', ['enterpriseId', 'scheduledOn'])
@Index('ix_expert_visits_coop', ['cooperativeId', 'scheduledOn'])
export class ExpertVisitEntity {
  @IdColumn() id!: string;

  @Index('uq_expert_visits_inspection', { unique: true })
  @ForeignKey(() => InspectionEntity, { name: 'fk_expert_visits_inspection' })
  @RefColumn()
  inspectionId!: string;

  @ForeignKey(() => UserEntity, { name: 'fk_expert_visits_expert' })
  @RefColumn()
  expertUserId!: string;

  @ForeignKey(() => EnterpriseEntity, { name: 'fk_expert_visits_enterprise' })
  @RefColumn()
  enterpriseId!: string;

  /** The enterprise's cooperative and region when scheduled: the counters per cooperative, town, district. */
  @ForeignKey(() => CooperativeEntity, { name: 'fk_expert_visits_cooperative' })
  @RefColumn(true)
  cooperativeId!: string | null;

  @ForeignKey(() => RegionEntity, { name: 'fk_expert_visits_region' })
  @RefColumn()
  regionId!: string;

  @Column({ type: 'date' }) scheduledOn!: string;
  @Column({ type: 'varchar', length: 500 }) purpose!: string;

  /** The prescription: general advice, advice per hazard (by hazard id), follow-up. */
  @Column({ type: 'varchar', length: 2000, nullable: true }) advice!: string | null;
  @Column({ type: 'simple-json' }) itemAdvice!: Record<string, string>;
  @Column({ type: 'varchar', length: 500, nullable: true }) followUp!: string | null;

  @ForeignKey(() => UserEntity, { name: 'fk_expert_visits_created_by' })
  @RefColumn()
  createdById!: string;

  @CreatedColumn() createdAt!: Date;
  @UpdatedColumn() updatedAt!: Date;
}
