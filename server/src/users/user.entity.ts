import { Column, Entity, Index } from 'typeorm';
import { CreatedColumn, IdColumn, UpdatedColumn } from '../database/columns';

// username, openid and unionid compare bytewise: SQLite's default BINARY collation; on MySQL/MariaDB the
// columns are utf8mb4 no-pad binary (migration ExactIdentity; TypeORM does not diff collations, so it is
// not declared here). Usernames are stored normalised (shared/schemas/auth.ts normalizeUsername).
@Entity('users')
export class UserEntity {
  @IdColumn() id!: string;

  @Index('uq_users_username', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  // scrypt$N$r$p$salt$hash — never the password itself.
  @Column({ type: 'varchar', length: 255, nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Index('uq_users_openid', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  openid!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  unionid!: string | null;

  /** Bound through WeChat's getPhoneNumber (never typed); shown masked to most (shared/phone.ts). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @CreatedColumn() createdAt!: Date;
  @UpdatedColumn() updatedAt!: Date;
}
