import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateClientIds1796617140816 implements MigrationInterface {
    name = 'CreateClientIds1796617140816'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_notices_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notices_region"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_notices" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "category" varchar(12) NOT NULL,
                "title" varchar(80) NOT NULL,
                "body" text NOT NULL,
                "attachmentIds" text NOT NULL,
                "cooperativeId" varchar(36),
                "regionId" varchar(36),
                "publishedById" varchar(36) NOT NULL,
                "version" integer NOT NULL DEFAULT (1),
                "publishedAt" datetime(6) NOT NULL,
                "reminderRound" integer NOT NULL DEFAULT (0),
                "remindedAt" datetime(6),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "clientId" varchar(36),
                CONSTRAINT "fk_notices_publisher" FOREIGN KEY ("publishedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_notices_region" FOREIGN KEY ("regionId") REFERENCES "regions" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_notices_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_notices"(
                    "id",
                    "category",
                    "title",
                    "body",
                    "attachmentIds",
                    "cooperativeId",
                    "regionId",
                    "publishedById",
                    "version",
                    "publishedAt",
                    "reminderRound",
                    "remindedAt",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "category",
                "title",
                "body",
                "attachmentIds",
                "cooperativeId",
                "regionId",
                "publishedById",
                "version",
                "publishedAt",
                "reminderRound",
                "remindedAt",
                "createdAt",
                "updatedAt"
            FROM "notices"
        `);
        await queryRunner.query(`
            DROP TABLE "notices"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_notices"
                RENAME TO "notices"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notices_coop" ON "notices" ("cooperativeId", "publishedAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notices_region" ON "notices" ("regionId", "publishedAt")
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
                "clientId" varchar(36),
                CONSTRAINT "fk_activities_organiser" FOREIGN KEY ("organiserId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_activities_host" FOREIGN KEY ("hostUserId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_activities_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
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
            CREATE UNIQUE INDEX "uq_notices_client" ON "notices" ("publishedById", "clientId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_activities_client" ON "activities" ("organiserId", "clientId")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "uq_activities_client"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_notices_client"
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
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_activities_organiser" FOREIGN KEY ("organiserId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_activities_host" FOREIGN KEY ("hostUserId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_activities_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
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
            DROP INDEX "ix_notices_region"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notices_coop"
        `);
        await queryRunner.query(`
            ALTER TABLE "notices"
                RENAME TO "temporary_notices"
        `);
        await queryRunner.query(`
            CREATE TABLE "notices" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "category" varchar(12) NOT NULL,
                "title" varchar(80) NOT NULL,
                "body" text NOT NULL,
                "attachmentIds" text NOT NULL,
                "cooperativeId" varchar(36),
                "regionId" varchar(36),
                "publishedById" varchar(36) NOT NULL,
                "version" integer NOT NULL DEFAULT (1),
                "publishedAt" datetime(6) NOT NULL,
                "reminderRound" integer NOT NULL DEFAULT (0),
                "remindedAt" datetime(6),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_notices_publisher" FOREIGN KEY ("publishedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_notices_region" FOREIGN KEY ("regionId") REFERENCES "regions" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_notices_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "notices"(
                    "id",
                    "category",
                    "title",
                    "body",
                    "attachmentIds",
                    "cooperativeId",
                    "regionId",
                    "publishedById",
                    "version",
                    "publishedAt",
                    "reminderRound",
                    "remindedAt",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "category",
                "title",
                "body",
                "attachmentIds",
                "cooperativeId",
                "regionId",
                "publishedById",
                "version",
                "publishedAt",
                "reminderRound",
                "remindedAt",
                "createdAt",
                "updatedAt"
            FROM "temporary_notices"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_notices"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notices_region" ON "notices" ("regionId", "publishedAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notices_coop" ON "notices" ("cooperativeId", "publishedAt")
        `);
    }

}
