import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { FixMode } from '../../../shared/deadlines';
import type { HazardLevel } from '../../../shared/enums';
import type { CheckCategory } from '../../../shared/schemas/checklists';
import type { Answer, InspectionStatus, InspectionType, RecheckMark } from '../../../shared/schemas/inspections';
import { ChecklistEntity, ChecklistItemEntity } from '../checklists/checklist.entity';
import { CreatedColumn, IdColumn, RefColumn, TimeColumn, UpdatedColumn } from '../database/columns';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { UserEntity } from '../users/user.entity';
import { WorkshopEntity } from '../workshops/workshop.entity';

/** A self patrol or a mutual round at a host enterprise, run with one checklist version. */
@Entity('inspections')
@Index('ix_inspections_host', ['hostEnterpriseId', 'createdAt'])
@Index('ix_inspections_coop', ['cooperativeId', 'scheduledOn'])
export class InspectionEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 12 }) type!: InspectionType;
  @Column({ type: 'varchar', length: 12 }) status!: InspectionStatus;

  @ForeignKey(() => CooperativeEntity, { name: 'fk_inspections_cooperative' })
  @RefColumn(true)
  cooperativeId!: string | null;

  @ForeignKey(() => EnterpriseEntity, { name: 'fk_inspections_host' })
  @RefColumn()
  hostEnterpriseId!: string;

  /** A self patrol started at one workshop's label. */
  @ForeignKey(() => WorkshopEntity, { name: 'fk_inspections_workshop' })
  @RefColumn(true)
  workshopId!: string | null;

  @ForeignKey(() => ChecklistEntity, { name: 'fk_inspections_checklist' })
  @RefColumn()
  checklistId!: string;

  @Column({ type: 'date' }) scheduledOn!: string;

  @ForeignKey(() => UserEntity, { name: 'fk_inspections_created_by' })
  @RefColumn()
  createdById!: string;

  /** The host's inspection before this one (回头看 compares with it). */
  @ForeignKey(() => InspectionEntity, { name: 'fk_inspections_previous' })
  @RefColumn(true)
  previousInspectionId!: string | null;

  @TimeColumn(true) startedAt!: Date | null;
  @TimeColumn(true) submittedAt!: Date | null;

  @ForeignKey(() => UserEntity, { name: 'fk_inspections_submitted_by' })
  @RefColumn(true)
  submittedById!: string | null;

  /**
   * "One open self patrol per person, enterprise, workshop and day" as a unique key: set while a self
   * patrol is in progress, NULL otherwise (NULLs never collide). See selfPatrolKey().
   */
  @Index('uq_inspections_open_self', { unique: true })
  @Column({ type: 'varchar', length: 160, nullable: true })
  openSelfKey!: string | null;

  @CreatedColumn() createdAt!: Date;
  @UpdatedColumn() updatedAt!: Date;
}

export const selfPatrolKey = (userId: string, enterpriseId: string, workshopId: string | null, day: string): string =>
  `${userId}/${enterpriseId}/${workshopId ?? ''}/${day}`;

/** The group of a mutual round: inspectors from other members (one leader) and an optional expert. */
@Entity('inspection_inspectors')
@Index('uq_inspection_inspectors', ['inspectionId', 'userId'], { unique: true })
@Index('ix_inspection_inspectors_user', ['userId'])
export class InspectionInspectorEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => InspectionEntity, { name: 'fk_inspection_inspectors_inspection' })
  @RefColumn()
  inspectionId!: string;

  @ForeignKey(() => UserEntity, { name: 'fk_inspection_inspectors_user' })
  @RefColumn()
  userId!: string;

  /** The enterprise the inspector comes from (null for an expert). */
  @ForeignKey(() => EnterpriseEntity, { name: 'fk_inspection_inspectors_enterprise' })
  @RefColumn(true)
  enterpriseId!: string | null;

  @Column({ type: 'varchar', length: 8 }) role!: 'leader' | 'member' | 'expert';
}

/** One answer to one item in one workshop ('' = the whole site); the latest write wins. */
@Entity('inspection_results')
@Index('uq_inspection_results_item', ['inspectionId', 'itemId', 'workshopKey'], { unique: true })
export class InspectionResultEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => InspectionEntity, { name: 'fk_inspection_results_inspection' })
  @RefColumn()
  inspectionId!: string;

  @ForeignKey(() => ChecklistItemEntity, { name: 'fk_inspection_results_item' })
  @RefColumn()
  itemId!: string;

  /** The workshop id, or '' for the whole site: a unique key cannot rely on NULL. */
  @Column({ type: 'varchar', length: 36, default: '' }) workshopKey!: string;

  @Column({ type: 'varchar', length: 36 }) clientId!: string;
  @Column({ type: 'varchar', length: 4, nullable: true }) answer!: Answer | null;
  @Column({ type: 'double', nullable: true }) number!: number | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) text!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @Column({ type: 'simple-json' }) photoIds!: string[];

  @ForeignKey(() => UserEntity, { name: 'fk_inspection_results_user' })
  @RefColumn()
  recordedById!: string;

  @UpdatedColumn() updatedAt!: Date;
}

/** A hazard or good practice written down during the inspection; hazards become real at submit. */
@Entity('inspection_findings')
@Index('uq_inspection_findings_client', ['inspectionId', 'clientId'], { unique: true })
export class InspectionFindingEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => InspectionEntity, { name: 'fk_inspection_findings_inspection' })
  @RefColumn()
  inspectionId!: string;

  @Column({ type: 'varchar', length: 36 }) clientId!: string;
  @Column({ type: 'varchar', length: 16 }) kind!: 'hazard' | 'good_practice';

  @ForeignKey(() => ChecklistItemEntity, { name: 'fk_inspection_findings_item' })
  @RefColumn(true)
  itemId!: string | null;

  @ForeignKey(() => WorkshopEntity, { name: 'fk_inspection_findings_workshop' })
  @RefColumn(true)
  workshopId!: string | null;

  @Column({ type: 'varchar', length: 1000 }) description!: string;
  @Column({ type: 'varchar', length: 24, nullable: true }) category!: CheckCategory | null;
  @Column({ type: 'varchar', length: 8, nullable: true }) level!: HazardLevel | null;
  @Column({ type: 'varchar', length: 12, nullable: true }) fixMode!: FixMode | null;
  @Column({ type: 'simple-json' }) photoIds!: string[];

  @ForeignKey(() => UserEntity, { name: 'fk_inspection_findings_user' })
  @RefColumn()
  recordedById!: string;

  /** Set at submit: the hazard made from this finding (plain id: hazards refer back to inspections). */
  @Column({ type: 'varchar', length: 36, nullable: true }) hazardId!: string | null;

  @CreatedColumn() createdAt!: Date;
  @UpdatedColumn() updatedAt!: Date;
}

/** 回头看: a hazard of the host brought into this inspection, and the inspectors' mark on it. */
@Entity('inspection_carried')
@Index('uq_inspection_carried', ['inspectionId', 'hazardId'], { unique: true })
@Index('ix_inspection_carried_hazard', ['hazardId'])
export class InspectionCarriedEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => InspectionEntity, { name: 'fk_inspection_carried_inspection' })
  @RefColumn()
  inspectionId!: string;

  /** Plain id (the hazards table refers to inspections; a key both ways would tangle the migrations). */
  @Column({ type: 'varchar', length: 36 }) hazardId!: string;

  @Column({ type: 'varchar', length: 12, nullable: true }) mark!: RecheckMark | null;
  @Column({ type: 'varchar', length: 36, nullable: true }) clientId!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) note!: string | null;
  @Column({ type: 'varchar', length: 8, nullable: true }) level!: HazardLevel | null;
  @Column({ type: 'varchar', length: 12, nullable: true }) fixMode!: FixMode | null;
  @Column({ type: 'simple-json' }) photoIds!: string[];

  @ForeignKey(() => UserEntity, { name: 'fk_inspection_carried_user' })
  @RefColumn(true)
  markedById!: string | null;

  /** Set at submit for a recurrence: the new hazard. */
  @Column({ type: 'varchar', length: 36, nullable: true }) recurrenceId!: string | null;
}
