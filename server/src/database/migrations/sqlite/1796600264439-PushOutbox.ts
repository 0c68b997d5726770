import { MigrationInterface, QueryRunner } from "typeorm";

export class PushOutbox1796600264439 implements MigrationInterface {
    name = 'PushOutbox1796600264439'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "push_subscriptions" (
                "userId" varchar(36) NOT NULL,
                "templateId" varchar(64) NOT NULL,
                "quota" integer NOT NULL DEFAULT (0),
                "enabled" boolean NOT NULL DEFAULT (1),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                PRIMARY KEY ("userId", "templateId")
            )
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notifications_user"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notifications_push"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_notifications_dedupe"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_notifications" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "kind" varchar(32) NOT NULL,
                "title" varchar(80) NOT NULL,
                "body" varchar(500) NOT NULL,
                "link" varchar(200),
                "dedupeKey" varchar(120) NOT NULL,
                "pushStatus" varchar(12) NOT NULL DEFAULT ('pending'),
                "pushAttempts" integer NOT NULL DEFAULT (0),
                "pushedAt" datetime(6),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "readAt" datetime(6),
                "pushClaimedBy" varchar(80),
                "pushClaimedAt" datetime(6),
                "pushNextAt" datetime(6),
                "pushErrcode" integer,
                "pushReason" varchar(40),
                "pushTemplateId" varchar(64),
                CONSTRAINT "fk_notifications_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_notifications"(
                    "id",
                    "userId",
                    "kind",
                    "title",
                    "body",
                    "link",
                    "dedupeKey",
                    "pushStatus",
                    "pushAttempts",
                    "pushedAt",
                    "createdAt",
                    "readAt"
                )
            SELECT "id",
                "userId",
                "kind",
                "title",
                "body",
                "link",
                "dedupeKey",
                "pushStatus",
                "pushAttempts",
                "pushedAt",
                "createdAt",
                "readAt"
            FROM "notifications"
        `);
        await queryRunner.query(`
            DROP TABLE "notifications"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_notifications"
                RENAME TO "notifications"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_user" ON "notifications" ("userId", "createdAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_push" ON "notifications" ("pushStatus", "createdAt")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications" ("dedupeKey")
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_push_subscriptions" (
                "userId" varchar(36) NOT NULL,
                "templateId" varchar(64) NOT NULL,
                "quota" integer NOT NULL DEFAULT (0),
                "enabled" boolean NOT NULL DEFAULT (1),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_push_subscriptions_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                PRIMARY KEY ("userId", "templateId")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_push_subscriptions"(
                    "userId",
                    "templateId",
                    "quota",
                    "enabled",
                    "updatedAt"
                )
            SELECT "userId",
                "templateId",
                "quota",
                "enabled",
                "updatedAt"
            FROM "push_subscriptions"
        `);
        await queryRunner.query(`
            DROP TABLE "push_subscriptions"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_push_subscriptions"
                RENAME TO "push_subscriptions"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "push_subscriptions"
                RENAME TO "temporary_push_subscriptions"
        `);
        await queryRunner.query(`
            CREATE TABLE "push_subscriptions" (
                "userId" varchar(36) NOT NULL,
                "templateId" varchar(64) NOT NULL,
                "quota" integer NOT NULL DEFAULT (0),
                "enabled" boolean NOT NULL DEFAULT (1),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                PRIMARY KEY ("userId", "templateId")
            )
        `);
        await queryRunner.query(`
            INSERT INTO "push_subscriptions"(
                    "userId",
                    "templateId",
                    "quota",
                    "enabled",
                    "updatedAt"
                )
            SELECT "userId",
                "templateId",
                "quota",
                "enabled",
                "updatedAt"
            FROM "temporary_push_subscriptions"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_push_subscriptions"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_notifications_dedupe"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notifications_push"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_notifications_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "notifications"
                RENAME TO "temporary_notifications"
        `);
        await queryRunner.query(`
            CREATE TABLE "notifications" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "kind" varchar(32) NOT NULL,
                "title" varchar(80) NOT NULL,
                "body" varchar(500) NOT NULL,
                "link" varchar(200),
                "dedupeKey" varchar(120) NOT NULL,
                "pushStatus" varchar(12) NOT NULL DEFAULT ('pending'),
                "pushAttempts" integer NOT NULL DEFAULT (0),
                "pushedAt" datetime(6),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "readAt" datetime(6),
                CONSTRAINT "fk_notifications_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "notifications"(
                    "id",
                    "userId",
                    "kind",
                    "title",
                    "body",
                    "link",
                    "dedupeKey",
                    "pushStatus",
                    "pushAttempts",
                    "pushedAt",
                    "createdAt",
                    "readAt"
                )
            SELECT "id",
                "userId",
                "kind",
                "title",
                "body",
                "link",
                "dedupeKey",
                "pushStatus",
                "pushAttempts",
                "pushedAt",
                "createdAt",
                "readAt"
            FROM "temporary_notifications"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_notifications"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications" ("dedupeKey")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_push" ON "notifications" ("pushStatus", "createdAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_user" ON "notifications" ("userId", "createdAt")
        `);
        await queryRunner.query(`
            DROP TABLE "push_subscriptions"
        `);
    }

}
