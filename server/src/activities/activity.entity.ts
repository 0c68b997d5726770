import { Column, Entity, ForeignKey, Index } from 'typeorm';
import type { ActivityDetails, ActivityKind } from '../../../shared/schemas/activities';
import { CreatedColumn, IdColumn, RefColumn, TimeColumn, UpdatedColumn } from '../database/columns';
import { CooperativeEntity } from '../org/cooperative.entity';
import { EnterpriseEntity } from '../org/enterprise.entity';
import { UserEntity } from '../users/user.entity';

/** A study session, topic teaching, exchange, meeting or drill of a cooperative. */
@Entity('activities')
@Index('ix_activities_coop', ['cooperativeId', 'startsAt'])
// a create re-sent after a dropped connection finds the first (NULL: never collides)
@Index('uq_activities_client', ['organiserId', 'clientId'], { unique: true })
export class ActivityEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => CooperativeEntity, { name: 'fk_activities_cooperative' })
  @RefColumn()
  cooperativeId!: string;

  @Column({ type: 'varchar', length: 12 }) kind!: ActivityKind;
  @Column({ type: 'varchar', length: 100 }) title!: string;
  @TimeColumn() startsAt!: Date;
  @TimeColumn(true) endsAt!: Date | null;
  @Column({ type: 'varchar', length: 200 }) place!: string;
  @Column({ type: 'varchar', length: 40 }) hostName!: string;

  @ForeignKey(() => UserEntity, { name: 'fk_activities_host' })
  @RefColumn(true)
  hostUserId!: string | null;

  @Column({ type: 'varchar', length: 2000 }) description!: string;
  @Column({ type: 'simple-json' }) materialIds!: string[];
  /** Minutes and decisions of a meeting, the plan and findings of a drill, a study's outline. */
  @Column({ type: 'simple-json', nullable: true }) details!: ActivityDetails | null;

  @ForeignKey(() => UserEntity, { name: 'fk_activities_organiser' })
  @RefColumn()
  organiserId!: string;

  /** Key of the rotating sign-in code's HMAC (shared/checkin-code.ts); never leaves the server. */
  @Column({ type: 'varchar', length: 64 }) checkinSecret!: string;
  @Column({ type: 'varchar', length: 36, nullable: true }) clientId!: string | null;

  @CreatedColumn() createdAt!: Date;
  @UpdatedColumn() updatedAt!: Date;
}

/** An invited person (the people of an invited member enterprise are invited one by one). */
@Entity('activity_invitees')
@Index('uq_activity_invitees', ['activityId', 'userId'], { unique: true })
@Index('ix_activity_invitees_user', ['userId'])
export class ActivityInviteeEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => ActivityEntity, { name: 'fk_activity_invitees_activity' })
  @RefColumn()
  activityId!: string;

  @ForeignKey(() => UserEntity, { name: 'fk_activity_invitees_user' })
  @RefColumn()
  userId!: string;

  @ForeignKey(() => EnterpriseEntity, { name: 'fk_activity_invitees_enterprise' })
  @RefColumn(true)
  enterpriseId!: string | null;
}

/** One sign-in per person and activity: the unique key makes a second scan (or 20 at once) find the first. */
@Entity('activity_checkins')
@Index('uq_activity_checkins', ['activityId', 'userId'], { unique: true })
export class ActivityCheckinEntity {
  @IdColumn() id!: string;

  @ForeignKey(() => ActivityEntity, { name: 'fk_activity_checkins_activity' })
  @RefColumn()
  activityId!: string;

  @ForeignKey(() => UserEntity, { name: 'fk_activity_checkins_user' })
  @RefColumn()
  userId!: string;

  @ForeignKey(() => EnterpriseEntity, { name: 'fk_activity_checkins_enterprise' })
  @RefColumn(true)
  enterpriseId!: string | null;

  @TimeColumn() at!: Date;
}
