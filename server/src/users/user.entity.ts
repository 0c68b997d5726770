import { Column, Entity, Index } from 'typeorm';
import { CreatedColumn, IdColumn, UpdatedColumn } from '../database/columns';

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

  @CreatedColumn() createdAt!: Date;
  @UpdatedColumn() updatedAt!: Date;
}
