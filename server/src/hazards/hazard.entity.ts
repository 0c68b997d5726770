import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { FixMode } from '../../../shared/deadlines';
import type { FindingSource, HazardLevel, HazardStatus } from '../../../shared/enums';
import type { CheckCategory } from '../../../shared/schemas/checklists';
import type { HazardEventKind } from '../../../shared/schemas/hazards';
import { ChecklistItemEntity } from '../checklists/checklist.entity';
import { CreatedColumn, IdColumn, RefColumn, TimeColumn, UpdatedColumn } from '../database/columns';
import { InspectionEntity } from '../inspections/inspection.entity';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { UserEntity } from '../users/user.entity';
import { WorkshopEntity } from '../workshops/workshop.entity';

// bigint arrives as a string from mysql2; amounts in fen stay far below 2^53.
const FEN = { to: (v: number | null): number | null => v, from: (v: string | number | null): number | null => (v === null ? null : Number(v)) };

/** A hazard (隐患) of an enterprise; its state changes are hazard_events (docs/domain.md "The hazard loop"). */
@Entity('hazards')
// Covers the list's access test and filters without reading rows (a supervisor's page over thousands: docs/operations.md).
@Index('ix_hazards_enterprise_list', ['enterpriseId', 'status', 'deadline', 'level', 'inspectionId'])
@Index('ix_hazards_inspection', ['inspectionId'])
@Index('ix_hazards_coop', ['cooperativeId', 'status', 'deadline'])
export class HazardEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => EnterpriseEntity, { name: 'fk_hazards_enterprise' })
  @RefColumn()
  enterpriseId!: string;

  @ForeignKey(() => CooperativeEntity, { name: 'fk_hazards_cooperative' })
  @RefColumn(true)
  cooperativeId!: string | null;

  @ForeignKey(() => InspectionEntity, { name: 'fk_hazards_inspection' })
  @RefColumn(true)
  inspectionId!: string | null;

  /** The finding (or recheck) it was made from: a second submit cannot make it twice. */
  @Index('uq_hazards_origin', { unique: true })
  @Column({ type: 'varchar', length: 36, nullable: true })
  originId!: string | null;

  @ForeignKey(() => WorkshopEntity, { name: 'fk_hazards_workshop' })
  @RefColumn(true)
  workshopId!: string | null;

  @ForeignKey(() => ChecklistItemEntity, { name: 'fk_hazards_item' })
  @RefColumn(true)
  itemId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true }) itemCode!: string | null;
  @Column({ type: 'varchar', length: 24 }) category!: CheckCategory;
  @Column({ type: 'varchar', length: 1000 }) description!: string;
  @Column({ type: 'varchar', length: 8 }) level!: HazardLevel;
  @Column({ type: 'varchar', length: 12 }) fixMode!: FixMode;
  @Column({ type: 'varchar', length: 12 }) source!: FindingSource;

  @ForeignKey(() => UserEntity, { name: 'fk_hazards_found_by' })
  @RefColumn()
  foundById!: string;

  @Column({ type: 'date' }) foundOn!: string;
  @Column({ type: 'date' }) deadline!: string;
  @Column({ type: 'date', nullable: true }) planDueOn!: string | null;
  @Column({ type: 'varchar', length: 24 }) status!: HazardStatus;

  @ForeignKey(() => HazardEntity, { name: 'fk_hazards_recurrence_of' })
  @RefColumn(true)
  recurrenceOfId!: string | null;

  @Column({ type: 'simple-json' }) photoIds!: string[];
  @TimeColumn(true) closedAt!: Date | null;
  /** Optimistic version for the moves of the lifecycle (two verifiers at once: one wins). */
  @Column({ type: 'int', default: 1 }) version!: number;

  // A major hazard's treatment plan, the five fixed (五定); money in fen so sums stay exact.
  @Column({ type: 'varchar', length: 40, nullable: true }) planResponsible!: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) planMeasures!: string | null;
  @Column({ type: 'bigint', nullable: true, transformer: FEN }) planFundsFen!: number | null;
  @Column({ type: 'date', nullable: true }) planDeadline!: string | null;
  @Column({ type: 'varchar', length: 1000, nullable: true }) planContingency!: string | null;
  @TimeColumn(true) planSubmittedAt!: Date | null;

  // The latest rectification (earlier ones stay in the events).
  @Column({ type: 'varchar', length: 1000, nullable: true }) rectMeasures!: string | null;
  @Column({ type: 'bigint', nullable: true, transformer: FEN }) rectCostFen!: number | null;
  @Column({ type: 'varchar', length: 40, nullable: true }) rectResponsible!: string | null;
  @Column({ type: 'simple-json', nullable: true }) rectPhotoIds!: string[] | null;
  @Column({ type: 'date', nullable: true }) rectCompletedOn!: string | null;
  @TimeColumn(true) rectSubmittedAt!: Date | null;

  @ForeignKey(() => UserEntity, { name: 'fk_hazards_rect_by' })
  @RefColumn(true)
  rectSubmittedById!: string | null;

  @ForeignKey(() => UserEntity, { name: 'fk_hazards_verified_by' })
  @RefColumn(true)
  verifiedById!: string | null;

  @TimeColumn(true) verifiedAt!: Date | null;

  // An extension the enterprise asked for and nobody has answered yet (all null otherwise).
  @Column({ type: 'date', nullable: true }) extDeadline!: string | null;
  @Column({ type: 'varchar', length: 500, nullable: true }) extReason!: string | null;

  @ForeignKey(() => UserEntity, { name: 'fk_hazards_ext_by' })
  @RefColumn(true)
  extRequestedById!: string | null;

  @TimeColumn(true) extRequestedAt!: Date | null;

  @CreatedColumn() createdAt!: Date;
  @UpdatedColumn() updatedAt!: Date;
}

/** Append-only history of a hazard: never updated or deleted. */
@Entity('hazard_events')
@Index('ix_hazard_events_hazard', ['hazardId', 'at'])
export class HazardEventEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => HazardEntity, { name: 'fk_hazard_events_hazard' })
  @RefColumn()
  hazardId!: string;

  @Column({ type: 'varchar', length: 24 }) kind!: HazardEventKind;

  @ForeignKey(() => UserEntity, { name: 'fk_hazard_events_actor' })
  @RefColumn(true)
  actorId!: string | null;

  @TimeColumn() at!: Date;
  @Column({ type: 'varchar', length: 24, nullable: true }) fromStatus!: HazardStatus | null;
  @Column({ type: 'varchar', length: 24 }) toStatus!: HazardStatus;
  @Column({ type: 'varchar', length: 1000, nullable: true }) note!: string | null;
  /** What changed (e.g. the deadline before and after), as JSON. */
  @Column({ type: 'simple-json', nullable: true }) data!: Record<string, string | number | boolean> | null;
  @Column({ type: 'simple-json' }) photoIds!: string[];

  /** A rectification's idempotency key: the same submission twice (a dropped connection) records one event. */
  @Index('uq_hazard_events_client', { unique: true })
  @Column({ type: 'varchar', length: 36, nullable: true })
  clientId!: string | null;
}

/** A cooperative's own deadline rules; absent → the defaults of shared/deadlines.ts. */
@Entity('deadline_rules')
export class DeadlineRulesEntity {
  @ForeignKey(() => CooperativeEntity, { name: 'fk_deadline_rules_cooperative' })
  @Column({ type: 'varchar', length: 36, primary: true })
  cooperativeId!: string;

  @Column({ type: 'int' }) immediateDays!: number;
  @Column({ type: 'int' }) generalDays!: number;
  @Column({ type: 'int' }) majorDays!: number;
  @Column({ type: 'int' }) majorPlanDays!: number;
  @UpdatedColumn() updatedAt!: Date;
}
