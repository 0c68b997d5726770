import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The app's access token, shared by every server instance through the database. */
@Entity('wechat_access_token')
export class WechatTokenEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  appid!: string;

  // WeChat asks for at least 512 chars of storage; tokens may grow.
  @Column({ type: 'varchar', length: 1024 })
  token!: string;

  @Column({ type: 'datetime', precision: 3 })
  expiresAt!: Date;

  // Set by the client, not @UpdateDateColumn: on MariaDB its default CURRENT_TIMESTAMP(6) never matches
  // datetime(3), so every schema sync/migration check would see a change.
  @Column({ type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
