import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { NoticeCategory } from '../../../shared/schemas/notices';
import { CreatedColumn, IdColumn, RefColumn, TimeColumn, UpdatedColumn } from '../database/columns';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { RegionEntity } from '../org/region.entity';
import { UserEntity } from '../users/user.entity';

/** A notice (通知/通报) to a cooperative or a region; a change re-publishes it as the next version. */
@Entity('notices')
@Index('ix_notices_coop', ['cooperativeId', 'publishedAt'])
@Index('ix_notices_region', ['regionId', 'publishedAt'])
// a publish re-sent after a dropped connection finds the first (NULL: never collides)
@Index('uq_notices_client', ['publishedById', 'clientId'], { unique: true })
export class NoticeEntity {
  @IdColumn() id!: string;
  @Column({ type: 'varchar', length: 12 }) category!: NoticeCategory;
  @Column({ type: 'varchar', length: 80 }) title!: string;
  @Column({ type: 'text' }) body!: string;
  @Column({ type: 'simple-json' }) attachmentIds!: string[];
  @Column({ type: 'varchar', length: 36, nullable: true }) clientId!: string | null;

  /** Exactly one of the two: where it was published. */
  @ForeignKey(() => CooperativeEntity, { name: 'fk_notices_cooperative' })
  @RefColumn(true)
  cooperativeId!: string | null;

  @ForeignKey(() => RegionEntity, { name: 'fk_notices_region' })
  @RefColumn(true)
  regionId!: string | null;

  @ForeignKey(() => UserEntity, { name: 'fk_notices_publisher' })
  @RefColumn()
  publishedById!: string;

  /** 1 at first publication; each re-publication adds one and asks everybody to confirm again. */
  @Column({ type: 'int', default: 1 }) version!: number;
  @TimeColumn() publishedAt!: Date;

  /** Reminder rounds of the current version, and when the last one went out. */
  @Column({ type: 'int', default: 0 }) reminderRound!: number;
  @TimeColumn(true) remindedAt!: Date | null;

  @CreatedColumn() createdAt!: Date;
  @UpdatedColumn() updatedAt!: Date;
}

/** Who a notice went to: the people of the member enterprises in its scope when (re-)published. */
@Entity('notice_recipients')
@Index('uq_notice_recipients', ['noticeId', 'userId'], { unique: true })
@Index('ix_notice_recipients_user', ['userId'])
export class NoticeRecipientEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => NoticeEntity, { name: 'fk_notice_recipients_notice' })
  @RefColumn()
  noticeId!: string;

  @ForeignKey(() => UserEntity, { name: 'fk_notice_recipients_user' })
  @RefColumn()
  userId!: string;

  @ForeignKey(() => EnterpriseEntity, { name: 'fk_notice_recipients_enterprise' })
  @RefColumn(true)
  enterpriseId!: string | null;
}

/** One confirmation per person and version (a repeated tap finds its row: unique key, insert-or-ignore). */
@Entity('notice_acks')
@Index('uq_notice_acks', ['noticeId', 'userId', 'version'], { unique: true })
export class NoticeAckEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => NoticeEntity, { name: 'fk_notice_acks_notice' })
  @RefColumn()
  noticeId!: string;

  @ForeignKey(() => UserEntity, { name: 'fk_notice_acks_user' })
  @RefColumn()
  userId!: string;

  @Column({ type: 'int' }) version!: number;
  @TimeColumn() at!: Date;
}
