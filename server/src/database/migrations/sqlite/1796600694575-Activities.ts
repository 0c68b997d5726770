import { MigrationInterface, QueryRunner } from "typeorm";

export class Activities1796600694575 implements MigrationInterface {
    name = 'Activities1796600694575'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "activities" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "cooperativeId" varchar(36) NOT NULL,
                "kind" varchar(12) NOT NULL,
                "title" varchar(100) NOT NULL,
                "startsAt" datetime(6) NOT NULL,
                "endsAt" datetime(6),
                "place" varchar(200) NOT NULL,
                "hostName" varchar(40) NOT NULL,
                "hostUserId" varchar(36),
                "description" varchar(2000) NOT NULL,
                "materialIds" text NOT NULL,
                "details" text,
                "organiserId" varchar(36) NOT NULL,
                "checkinSecret" varchar(64) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_activities_coop" ON "activities" ("cooperativeId", "startsAt")
        `);
        await queryRunner.query(`
            CREATE TABLE "activity_invitees" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "activityId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36)
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_activity_invitees_user" ON "activity_invitees" ("userId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_activity_invitees" ON "activity_invitees" ("activityId", "userId")
        `);
        await queryRunner.query(`
            CREATE TABLE "activity_checkins" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "activityId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36),
                "at" datetime(6) NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_activity_checkins" ON "activity_checkins" ("activityId", "userId")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_activities_coop"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_activities" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "cooperativeId" varchar(36) NOT NULL,
                "kind" varchar(12) NOT NULL,
                "title" varchar(100) NOT NULL,
                "startsAt" datetime(6) NOT NULL,
                "endsAt" datetime(6),
                "place" varchar(200) NOT NULL,
                "hostName" varchar(40) NOT NULL,
                "hostUserId" varchar(36),
                "description" varchar(2000) NOT NULL,
                "materialIds" text NOT NULL,
                "details" text,
                "organiserId" varchar(36) NOT NULL,
                "checkinSecret" varchar(64) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_activities_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_activities_host" FOREIGN KEY ("hostUserId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_activities_organiser" FOREIGN KEY ("organiserId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_activities"(
                    "id",
                    "cooperativeId",
                    "kind",
                    "title",
                    "startsAt",
                    "endsAt",
                    "place",
                    "hostName",
                    "hostUserId",
                    "description",
                    "materialIds",
                    "details",
                    "organiserId",
                    "checkinSecret",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "cooperativeId",
                "kind",
                "title",
                "startsAt",
                "endsAt",
                "place",
                "hostName",
                "hostUserId",
                "description",
                "materialIds",
                "details",
                "organiserId",
                "checkinSecret",
                "createdAt",
                "updatedAt"
            FROM "activities"
        `);
        await queryRunner.query(`
            DROP TABLE "activities"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_activities"
                RENAME TO "activities"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_activities_coop" ON "activities" ("cooperativeId", "startsAt")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_activity_invitees_user"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_activity_invitees"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_activity_invitees" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "activityId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36),
                CONSTRAINT "fk_activity_invitees_activity" FOREIGN KEY ("activityId") REFERENCES "activities" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_activity_invitees_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_activity_invitees_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_activity_invitees"("id", "activityId", "userId", "enterpriseId")
            SELECT "id",
                "activityId",
                "userId",
                "enterpriseId"
            FROM "activity_invitees"
        `);
        await queryRunner.query(`
            DROP TABLE "activity_invitees"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_activity_invitees"
                RENAME TO "activity_invitees"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_activity_invitees_user" ON "activity_invitees" ("userId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_activity_invitees" ON "activity_invitees" ("activityId", "userId")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_activity_checkins"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_activity_checkins" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "activityId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36),
                "at" datetime(6) NOT NULL,
                CONSTRAINT "fk_activity_checkins_activity" FOREIGN KEY ("activityId") REFERENCES "activities" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_activity_checkins_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_activity_checkins_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_activity_checkins"(
                    "id",
                    "activityId",
                    "userId",
                    "enterpriseId",
                    "at"
                )
            SELECT "id",
                "activityId",
                "userId",
                "enterpriseId",
                "at"
            FROM "activity_checkins"
        `);
        await queryRunner.query(`
            DROP TABLE "activity_checkins"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_activity_checkins"
                RENAME TO "activity_checkins"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_activity_checkins" ON "activity_checkins" ("activityId", "userId")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "uq_activity_checkins"
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_checkins"
                RENAME TO "temporary_activity_checkins"
        `);
        await queryRunner.query(`
            CREATE TABLE "activity_checkins" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "activityId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36),
                "at" datetime(6) NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "activity_checkins"(
                    "id",
                    "activityId",
                    "userId",
                    "enterpriseId",
                    "at"
                )
            SELECT "id",
                "activityId",
                "userId",
                "enterpriseId",
                "at"
            FROM "temporary_activity_checkins"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_activity_checkins"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_activity_checkins" ON "activity_checkins" ("activityId", "userId")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_activity_invitees"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_activity_invitees_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "activity_invitees"
                RENAME TO "temporary_activity_invitees"
        `);
        await queryRunner.query(`
            CREATE TABLE "activity_invitees" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "activityId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "activity_invitees"("id", "activityId", "userId", "enterpriseId")
            SELECT "id",
                "activityId",
                "userId",
                "enterpriseId"
            FROM "temporary_activity_invitees"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_activity_invitees"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_activity_invitees" ON "activity_invitees" ("activityId", "userId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_activity_invitees_user" ON "activity_invitees" ("userId")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_activities_coop"
        `);
        await queryRunner.query(`
            ALTER TABLE "activities"
                RENAME TO "temporary_activities"
        `);
        await queryRunner.query(`
            CREATE TABLE "activities" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "cooperativeId" varchar(36) NOT NULL,
                "kind" varchar(12) NOT NULL,
                "title" varchar(100) NOT NULL,
                "startsAt" datetime(6) NOT NULL,
                "endsAt" datetime(6),
                "place" varchar(200) NOT NULL,
                "hostName" varchar(40) NOT NULL,
                "hostUserId" varchar(36),
                "description" varchar(2000) NOT NULL,
                "materialIds" text NOT NULL,
                "details" text,
                "organiserId" varchar(36) NOT NULL,
                "checkinSecret" varchar(64) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "activities"(
                    "id",
                    "cooperativeId",
                    "kind",
                    "title",
                    "startsAt",
                    "endsAt",
                    "place",
                    "hostName",
                    "hostUserId",
                    "description",
                    "materialIds",
                    "details",
                    "organiserId",
                    "checkinSecret",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "cooperativeId",
                "kind",
                "title",
                "startsAt",
                "endsAt",
                "place",
                "hostName",
                "hostUserId",
                "description",
                "materialIds",
                "details",
                "organiserId",
                "checkinSecret",
                "createdAt",
                "updatedAt"
            FROM "temporary_activities"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_activities"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_activities_coop" ON "activities" ("cooperativeId", "startsAt")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_activity_checkins"
        `);
        await queryRunner.query(`
            DROP TABLE "activity_checkins"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_activity_invitees"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_activity_invitees_user"
        `);
        await queryRunner.query(`
            DROP TABLE "activity_invitees"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_activities_coop"
        `);
        await queryRunner.query(`
            DROP TABLE "activities"
        `);
    }

}
