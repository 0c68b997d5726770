import { Column, Entity, Index } from 'typeorm';
import type { Role } from '../../../shared/enums';
import { CreatedColumn, IdColumn, RefColumn } from '../database/columns';

/** One role of a user, scoped to a cooperative, an enterprise or a region as DOMAIN.md describes. */
@Entity('role_grants')
@Index('ix_role_grants_user', ['userId'])
export class RoleGrantEntity {
  @IdColumn() id!: string;
  @RefColumn() userId!: string;
  @Column({ type: 'varchar', length: 20 }) role!: Role;
  @RefColumn(true) cooperativeId!: string | null;
  @RefColumn(true) enterpriseId!: string | null;
  @RefColumn(true) regionId!: string | null;
  @CreatedColumn() createdAt!: Date;
}
