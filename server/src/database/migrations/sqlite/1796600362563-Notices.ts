import { MigrationInterface, QueryRunner } from "typeorm";

export class Notices1796600362563 implements MigrationInterface {
    name = 'Notices1796600362563'

    public async up(queryRunner: QueryRunner): Promise<void> {
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
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notices_region" ON "notices" ("regionId", "publishedAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notices_coop" ON "notices" ("cooperativeId", "publishedAt")
        `);
        await queryRunner.query(`
            CREATE TABLE "notice_recipients" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "noticeId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36)
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notice_recipients_user" ON "notice_recipients" ("userId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notice_recipients" ON "notice_recipients" ("noticeId", "userId")
        `);
        await queryRunner.query(`
            CREATE TABLE "notice_acks" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "noticeId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "version" integer NOT NULL,
                "at" datetime(6) NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notice_acks" ON "notice_acks" ("noticeId", "userId", "version")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notices_region"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notices_coop"
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
                CONSTRAINT "fk_notices_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_notices_region" FOREIGN KEY ("regionId") REFERENCES "regions" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_notices_publisher" FOREIGN KEY ("publishedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
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
            CREATE INDEX "ix_notices_region" ON "notices" ("regionId", "publishedAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notices_coop" ON "notices" ("cooperativeId", "publishedAt")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notice_recipients_user"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_notice_recipients"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_notice_recipients" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "noticeId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36),
                CONSTRAINT "fk_notice_recipients_notice" FOREIGN KEY ("noticeId") REFERENCES "notices" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_notice_recipients_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_notice_recipients_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_notice_recipients"("id", "noticeId", "userId", "enterpriseId")
            SELECT "id",
                "noticeId",
                "userId",
                "enterpriseId"
            FROM "notice_recipients"
        `);
        await queryRunner.query(`
            DROP TABLE "notice_recipients"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_notice_recipients"
                RENAME TO "notice_recipients"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notice_recipients_user" ON "notice_recipients" ("userId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notice_recipients" ON "notice_recipients" ("noticeId", "userId")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_notice_acks"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_notice_acks" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "noticeId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "version" integer NOT NULL,
                "at" datetime(6) NOT NULL,
                CONSTRAINT "fk_notice_acks_notice" FOREIGN KEY ("noticeId") REFERENCES "notices" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_notice_acks_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_notice_acks"("id", "noticeId", "userId", "version", "at")
            SELECT "id",
                "noticeId",
                "userId",
                "version",
                "at"
            FROM "notice_acks"
        `);
        await queryRunner.query(`
            DROP TABLE "notice_acks"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_notice_acks"
                RENAME TO "notice_acks"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notice_acks" ON "notice_acks" ("noticeId", "userId", "version")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "uq_notice_acks"
        `);
        await queryRunner.query(`
            ALTER TABLE "notice_acks"
                RENAME TO "temporary_notice_acks"
        `);
        await queryRunner.query(`
            CREATE TABLE "notice_acks" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "noticeId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "version" integer NOT NULL,
                "at" datetime(6) NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "notice_acks"("id", "noticeId", "userId", "version", "at")
            SELECT "id",
                "noticeId",
                "userId",
                "version",
                "at"
            FROM "temporary_notice_acks"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_notice_acks"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notice_acks" ON "notice_acks" ("noticeId", "userId", "version")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_notice_recipients"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notice_recipients_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "notice_recipients"
                RENAME TO "temporary_notice_recipients"
        `);
        await queryRunner.query(`
            CREATE TABLE "notice_recipients" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "noticeId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "notice_recipients"("id", "noticeId", "userId", "enterpriseId")
            SELECT "id",
                "noticeId",
                "userId",
                "enterpriseId"
            FROM "temporary_notice_recipients"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_notice_recipients"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notice_recipients" ON "notice_recipients" ("noticeId", "userId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notice_recipients_user" ON "notice_recipients" ("userId")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notices_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notices_region"
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
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
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
            CREATE INDEX "ix_notices_coop" ON "notices" ("cooperativeId", "publishedAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notices_region" ON "notices" ("regionId", "publishedAt")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_notice_acks"
        `);
        await queryRunner.query(`
            DROP TABLE "notice_acks"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_notice_recipients"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notice_recipients_user"
        `);
        await queryRunner.query(`
            DROP TABLE "notice_recipients"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notices_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notices_region"
        `);
        await queryRunner.query(`
            DROP TABLE "notices"
        `);
    }

}
