import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { AnswerType, CheckCategory } from '../../../shared/schemas/checklists';
import { CreatedColumn, IdColumn, RefColumn } from '../database/columns';
import { CooperativeEntity } from '../org/cooperative.entity';
import { UserEntity } from '../users/user.entity';

/**
 * One version of a checklist. Versions of one checklist share `familyId`; an edit inserts the next
 * version, so inspections that point at a version keep exactly the items they were run with.
 */
@Entity('checklists')
@Index('uq_checklists_family_version', ['familyId', 'version'], { unique: true })
@Index('ix_checklists_coop', ['cooperativeId', 'latest'])
export class ChecklistEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 36 }) familyId!: string;
  @Column({ type: 'int' }) version!: number;
  @Column({ type: 'boolean', default: true }) latest!: boolean;
  @Column({ type: 'varchar', length: 60 }) name!: string;
  @Column({ type: 'varchar', length: 40, default: '' }) industry!: string;

  /** null: the platform library. */
  @ForeignKey(() => CooperativeEntity, { name: 'fk_checklists_cooperative' })
  @RefColumn(true)
  cooperativeId!: string | null;

  @ForeignKey(() => ChecklistEntity, { name: 'fk_checklists_copied_from' })
  @RefColumn(true)
  copiedFromId!: string | null;

  /** Platform templates: a hash of the seed content, so the seeder adds a version only when it changed. */
  @Column({ type: 'varchar', length: 64, nullable: true }) seedHash!: string | null;

  @ForeignKey(() => UserEntity, { name: 'fk_checklists_created_by' })
  @RefColumn(true)
  createdById!: string | null;

  @CreatedColumn() createdAt!: Date;
}

@Entity('checklist_items')
@Index('uq_checklist_items_code', ['checklistId', 'code'], { unique: true })
export class ChecklistItemEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => ChecklistEntity, { name: 'fk_checklist_items_checklist' })
  @RefColumn()
  checklistId!: string;

  /** Stable across versions and copies (compares a check at different members). */
  @Column({ type: 'varchar', length: 40 }) code!: string;
  @Column({ type: 'int' }) sort!: number;
  @Column({ type: 'varchar', length: 40 }) section!: string;
  @Column({ type: 'varchar', length: 24 }) category!: CheckCategory;
  @Column({ type: 'varchar', length: 300 }) text!: string;
  @Column({ type: 'varchar', length: 12 }) answerType!: AnswerType;
  @Column({ type: 'varchar', length: 16, nullable: true }) unit!: string | null;
  @Column({ type: 'boolean', default: false }) photoRequiredOnFail!: boolean;
  @Column({ type: 'int', default: 1 }) weight!: number;
  @Column({ type: 'varchar', length: 200, nullable: true }) legalBasis!: string | null;
}
