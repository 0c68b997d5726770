import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { Role } from '../../../shared/enums';
import { CreatedColumn, IdColumn, RefColumn } from '../database/columns';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { RegionEntity } from '../org/region.entity';
import { UserEntity } from './user.entity';

/** One role of a user, scoped to a cooperative, an enterprise or a region as docs/ describes. */
@Entity('role_grants')
@Index('ix_role_grants_user', ['userId'])
// One grant per user, role and scope, enforced by the database (scopeKey stands in for the nullable scope columns).
@Index('uq_role_grants_scope', ['userId', 'role', 'scopeKey'], { unique: true })
export class RoleGrantEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => UserEntity, { name: 'fk_role_grants_user' })
  @RefColumn()
  userId!: string;

  @Column({ type: 'varchar', length: 20 }) role!: Role;

  @ForeignKey(() => CooperativeEntity, { name: 'fk_role_grants_cooperative' })
  @RefColumn(true)
  cooperativeId!: string | null;

  @ForeignKey(() => EnterpriseEntity, { name: 'fk_role_grants_enterprise' })
  @RefColumn(true)
  enterpriseId!: string | null;

  @ForeignKey(() => RegionEntity, { name: 'fk_role_grants_region' })
  @RefColumn(true)
  regionId!: string | null;

  /** "cooperativeId/enterpriseId/regionId" ('' for none), set by DerivedKeysSubscriber: never NULL, so unique works. */
  @Column({ type: 'varchar', length: 120, default: '' })
  scopeKey!: string;

  @CreatedColumn() createdAt!: Date;
}
