import { MigrationInterface, QueryRunner } from "typeorm";

export class SchemaIntegrity1796109022423 implements MigrationInterface {
    name = 'SchemaIntegrity1796109022423'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_memberships_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_memberships_enterprise"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_memberships" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "cooperativeId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "since" date NOT NULL,
                "until" date,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "activeKey" integer DEFAULT (1)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_memberships"(
                    "id",
                    "cooperativeId",
                    "enterpriseId",
                    "since",
                    "until",
                    "createdAt"
                )
            SELECT "id",
                "cooperativeId",
                "enterpriseId",
                "since",
                "until",
                "createdAt"
            FROM "memberships"
        `);
        await queryRunner.query(`
            DROP TABLE "memberships"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_memberships"
                RENAME TO "memberships"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_memberships_coop" ON "memberships" ("cooperativeId", "until")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_memberships_enterprise" ON "memberships" ("enterpriseId")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_role_grants_user"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_role_grants" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "role" varchar(20) NOT NULL,
                "cooperativeId" varchar(36),
                "enterpriseId" varchar(36),
                "regionId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "scopeKey" varchar(120) NOT NULL DEFAULT ('')
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_role_grants"(
                    "id",
                    "userId",
                    "role",
                    "cooperativeId",
                    "enterpriseId",
                    "regionId",
                    "createdAt"
                )
            SELECT "id",
                "userId",
                "role",
                "cooperativeId",
                "enterpriseId",
                "regionId",
                "createdAt"
            FROM "role_grants"
        `);
        await queryRunner.query(`
            DROP TABLE "role_grants"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_role_grants"
                RENAME TO "role_grants"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_role_grants_user" ON "role_grants" ("userId")
        `);
        // Hand-added before the unique keys: fill the new key columns of existing rows, and remove the
        // duplicates that the earlier check-then-insert races could leave (the earliest row stays).
        await queryRunner.query(`
            UPDATE "memberships" SET "activeKey" = NULL WHERE "until" IS NOT NULL
        `);
        await queryRunner.query(`
            UPDATE "role_grants" SET "scopeKey" = COALESCE("cooperativeId", '') || '/' || COALESCE("enterpriseId", '') || '/' || COALESCE("regionId", '')
        `);
        await queryRunner.query(`
            DELETE FROM "role_grants" WHERE EXISTS (SELECT 1 FROM "role_grants" k WHERE k."userId" = "role_grants"."userId" AND k."role" = "role_grants"."role" AND k."scopeKey" = "role_grants"."scopeKey" AND (k."createdAt" < "role_grants"."createdAt" OR (k."createdAt" = "role_grants"."createdAt" AND k."id" < "role_grants"."id")))
        `);
        await queryRunner.query(`
            DELETE FROM "memberships" WHERE "activeKey" = 1 AND EXISTS (SELECT 1 FROM "memberships" k WHERE k."cooperativeId" = "memberships"."cooperativeId" AND k."enterpriseId" = "memberships"."enterpriseId" AND k."activeKey" = 1 AND (k."createdAt" < "memberships"."createdAt" OR (k."createdAt" = "memberships"."createdAt" AND k."id" < "memberships"."id")))
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_memberships_active" ON "memberships" ("cooperativeId", "enterpriseId", "activeKey")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_role_grants_scope" ON "role_grants" ("userId", "role", "scopeKey")
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_regions" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "name" varchar(60) NOT NULL,
                "level" varchar(16) NOT NULL,
                "parentId" varchar(36),
                CONSTRAINT "fk_regions_parent" FOREIGN KEY ("parentId") REFERENCES "regions" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_regions"("id", "name", "level", "parentId")
            SELECT "id",
                "name",
                "level",
                "parentId"
            FROM "regions"
        `);
        await queryRunner.query(`
            DROP TABLE "regions"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_regions"
                RENAME TO "regions"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_enterprises_credit_code"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_enterprises" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "name" varchar(100) NOT NULL,
                "creditCode" varchar(18) NOT NULL,
                "industry" varchar(40) NOT NULL,
                "address" varchar(200) NOT NULL,
                "headcount" integer NOT NULL,
                "contactName" varchar(40) NOT NULL,
                "contactPhone" varchar(20) NOT NULL,
                "regionId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_enterprises_region" FOREIGN KEY ("regionId") REFERENCES "regions" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_enterprises"(
                    "id",
                    "name",
                    "creditCode",
                    "industry",
                    "address",
                    "headcount",
                    "contactName",
                    "contactPhone",
                    "regionId",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "name",
                "creditCode",
                "industry",
                "address",
                "headcount",
                "contactName",
                "contactPhone",
                "regionId",
                "createdAt",
                "updatedAt"
            FROM "enterprises"
        `);
        await queryRunner.query(`
            DROP TABLE "enterprises"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_enterprises"
                RENAME TO "enterprises"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_enterprises_credit_code" ON "enterprises" ("creditCode")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_cooperatives_region"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_cooperatives" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "name" varchar(80) NOT NULL,
                "regionId" varchar(36) NOT NULL,
                "industry" varchar(40) NOT NULL,
                "leadEnterpriseId" varchar(36),
                "foundedOn" date,
                "description" varchar(500),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_cooperatives_region" FOREIGN KEY ("regionId") REFERENCES "regions" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_cooperatives_lead_enterprise" FOREIGN KEY ("leadEnterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_cooperatives"(
                    "id",
                    "name",
                    "regionId",
                    "industry",
                    "leadEnterpriseId",
                    "foundedOn",
                    "description",
                    "createdAt"
                )
            SELECT "id",
                "name",
                "regionId",
                "industry",
                "leadEnterpriseId",
                "foundedOn",
                "description",
                "createdAt"
            FROM "cooperatives"
        `);
        await queryRunner.query(`
            DROP TABLE "cooperatives"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_cooperatives"
                RENAME TO "cooperatives"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_cooperatives_region" ON "cooperatives" ("regionId")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_memberships_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_memberships_enterprise"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_memberships_active"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_memberships" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "cooperativeId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "since" date NOT NULL,
                "until" date,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "activeKey" integer DEFAULT (1),
                CONSTRAINT "fk_memberships_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_memberships_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_memberships"(
                    "id",
                    "cooperativeId",
                    "enterpriseId",
                    "since",
                    "until",
                    "createdAt",
                    "activeKey"
                )
            SELECT "id",
                "cooperativeId",
                "enterpriseId",
                "since",
                "until",
                "createdAt",
                "activeKey"
            FROM "memberships"
        `);
        await queryRunner.query(`
            DROP TABLE "memberships"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_memberships"
                RENAME TO "memberships"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_memberships_coop" ON "memberships" ("cooperativeId", "until")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_memberships_enterprise" ON "memberships" ("enterpriseId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_memberships_active" ON "memberships" ("cooperativeId", "enterpriseId", "activeKey")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_role_grants_user"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_role_grants_scope"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_role_grants" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "role" varchar(20) NOT NULL,
                "cooperativeId" varchar(36),
                "enterpriseId" varchar(36),
                "regionId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "scopeKey" varchar(120) NOT NULL DEFAULT (''),
                CONSTRAINT "fk_role_grants_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_role_grants_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_role_grants_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_role_grants_region" FOREIGN KEY ("regionId") REFERENCES "regions" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_role_grants"(
                    "id",
                    "userId",
                    "role",
                    "cooperativeId",
                    "enterpriseId",
                    "regionId",
                    "createdAt",
                    "scopeKey"
                )
            SELECT "id",
                "userId",
                "role",
                "cooperativeId",
                "enterpriseId",
                "regionId",
                "createdAt",
                "scopeKey"
            FROM "role_grants"
        `);
        await queryRunner.query(`
            DROP TABLE "role_grants"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_role_grants"
                RENAME TO "role_grants"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_role_grants_user" ON "role_grants" ("userId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_role_grants_scope" ON "role_grants" ("userId", "role", "scopeKey")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_invitations_code"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_invitations" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "code" varchar(8) NOT NULL,
                "cooperativeId" varchar(36) NOT NULL,
                "createdById" varchar(36) NOT NULL,
                "expiresAt" datetime(6) NOT NULL,
                "maxUses" integer NOT NULL,
                "uses" integer NOT NULL DEFAULT (0),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_invitations_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_invitations_created_by" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_invitations"(
                    "id",
                    "code",
                    "cooperativeId",
                    "createdById",
                    "expiresAt",
                    "maxUses",
                    "uses",
                    "createdAt"
                )
            SELECT "id",
                "code",
                "cooperativeId",
                "createdById",
                "expiresAt",
                "maxUses",
                "uses",
                "createdAt"
            FROM "invitations"
        `);
        await queryRunner.query(`
            DROP TABLE "invitations"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_invitations"
                RENAME TO "invitations"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_invitations_code" ON "invitations" ("code")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "uq_invitations_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "invitations"
                RENAME TO "temporary_invitations"
        `);
        await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "code" varchar(8) NOT NULL,
                "cooperativeId" varchar(36) NOT NULL,
                "createdById" varchar(36) NOT NULL,
                "expiresAt" datetime(6) NOT NULL,
                "maxUses" integer NOT NULL,
                "uses" integer NOT NULL DEFAULT (0),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "invitations"(
                    "id",
                    "code",
                    "cooperativeId",
                    "createdById",
                    "expiresAt",
                    "maxUses",
                    "uses",
                    "createdAt"
                )
            SELECT "id",
                "code",
                "cooperativeId",
                "createdById",
                "expiresAt",
                "maxUses",
                "uses",
                "createdAt"
            FROM "temporary_invitations"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_invitations"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_invitations_code" ON "invitations" ("code")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_role_grants_scope"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_role_grants_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grants"
                RENAME TO "temporary_role_grants"
        `);
        await queryRunner.query(`
            CREATE TABLE "role_grants" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "role" varchar(20) NOT NULL,
                "cooperativeId" varchar(36),
                "enterpriseId" varchar(36),
                "regionId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "scopeKey" varchar(120) NOT NULL DEFAULT ('')
            )
        `);
        await queryRunner.query(`
            INSERT INTO "role_grants"(
                    "id",
                    "userId",
                    "role",
                    "cooperativeId",
                    "enterpriseId",
                    "regionId",
                    "createdAt",
                    "scopeKey"
                )
            SELECT "id",
                "userId",
                "role",
                "cooperativeId",
                "enterpriseId",
                "regionId",
                "createdAt",
                "scopeKey"
            FROM "temporary_role_grants"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_role_grants"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_role_grants_scope" ON "role_grants" ("userId", "role", "scopeKey")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_role_grants_user" ON "role_grants" ("userId")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_memberships_active"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_memberships_enterprise"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_memberships_coop"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
                RENAME TO "temporary_memberships"
        `);
        await queryRunner.query(`
            CREATE TABLE "memberships" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "cooperativeId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "since" date NOT NULL,
                "until" date,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "activeKey" integer DEFAULT (1)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "memberships"(
                    "id",
                    "cooperativeId",
                    "enterpriseId",
                    "since",
                    "until",
                    "createdAt",
                    "activeKey"
                )
            SELECT "id",
                "cooperativeId",
                "enterpriseId",
                "since",
                "until",
                "createdAt",
                "activeKey"
            FROM "temporary_memberships"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_memberships"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_memberships_active" ON "memberships" ("cooperativeId", "enterpriseId", "activeKey")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_memberships_enterprise" ON "memberships" ("enterpriseId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_memberships_coop" ON "memberships" ("cooperativeId", "until")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_cooperatives_region"
        `);
        await queryRunner.query(`
            ALTER TABLE "cooperatives"
                RENAME TO "temporary_cooperatives"
        `);
        await queryRunner.query(`
            CREATE TABLE "cooperatives" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "name" varchar(80) NOT NULL,
                "regionId" varchar(36) NOT NULL,
                "industry" varchar(40) NOT NULL,
                "leadEnterpriseId" varchar(36),
                "foundedOn" date,
                "description" varchar(500),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "cooperatives"(
                    "id",
                    "name",
                    "regionId",
                    "industry",
                    "leadEnterpriseId",
                    "foundedOn",
                    "description",
                    "createdAt"
                )
            SELECT "id",
                "name",
                "regionId",
                "industry",
                "leadEnterpriseId",
                "foundedOn",
                "description",
                "createdAt"
            FROM "temporary_cooperatives"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_cooperatives"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_cooperatives_region" ON "cooperatives" ("regionId")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_enterprises_credit_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "enterprises"
                RENAME TO "temporary_enterprises"
        `);
        await queryRunner.query(`
            CREATE TABLE "enterprises" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "name" varchar(100) NOT NULL,
                "creditCode" varchar(18) NOT NULL,
                "industry" varchar(40) NOT NULL,
                "address" varchar(200) NOT NULL,
                "headcount" integer NOT NULL,
                "contactName" varchar(40) NOT NULL,
                "contactPhone" varchar(20) NOT NULL,
                "regionId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "enterprises"(
                    "id",
                    "name",
                    "creditCode",
                    "industry",
                    "address",
                    "headcount",
                    "contactName",
                    "contactPhone",
                    "regionId",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "name",
                "creditCode",
                "industry",
                "address",
                "headcount",
                "contactName",
                "contactPhone",
                "regionId",
                "createdAt",
                "updatedAt"
            FROM "temporary_enterprises"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_enterprises"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_enterprises_credit_code" ON "enterprises" ("creditCode")
        `);
        await queryRunner.query(`
            ALTER TABLE "regions"
                RENAME TO "temporary_regions"
        `);
        await queryRunner.query(`
            CREATE TABLE "regions" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "name" varchar(60) NOT NULL,
                "level" varchar(16) NOT NULL,
                "parentId" varchar(36)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "regions"("id", "name", "level", "parentId")
            SELECT "id",
                "name",
                "level",
                "parentId"
            FROM "temporary_regions"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_regions"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_role_grants_scope"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_memberships_active"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_role_grants_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "role_grants"
                RENAME TO "temporary_role_grants"
        `);
        await queryRunner.query(`
            CREATE TABLE "role_grants" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "role" varchar(20) NOT NULL,
                "cooperativeId" varchar(36),
                "enterpriseId" varchar(36),
                "regionId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "role_grants"(
                    "id",
                    "userId",
                    "role",
                    "cooperativeId",
                    "enterpriseId",
                    "regionId",
                    "createdAt"
                )
            SELECT "id",
                "userId",
                "role",
                "cooperativeId",
                "enterpriseId",
                "regionId",
                "createdAt"
            FROM "temporary_role_grants"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_role_grants"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_role_grants_user" ON "role_grants" ("userId")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_memberships_enterprise"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_memberships_coop"
        `);
        await queryRunner.query(`
            ALTER TABLE "memberships"
                RENAME TO "temporary_memberships"
        `);
        await queryRunner.query(`
            CREATE TABLE "memberships" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "cooperativeId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "since" date NOT NULL,
                "until" date,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "memberships"(
                    "id",
                    "cooperativeId",
                    "enterpriseId",
                    "since",
                    "until",
                    "createdAt"
                )
            SELECT "id",
                "cooperativeId",
                "enterpriseId",
                "since",
                "until",
                "createdAt"
            FROM "temporary_memberships"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_memberships"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_memberships_enterprise" ON "memberships" ("enterpriseId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_memberships_coop" ON "memberships" ("cooperativeId", "until")
        `);
    }

}
