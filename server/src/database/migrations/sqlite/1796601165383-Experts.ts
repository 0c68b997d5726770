import { MigrationInterface, QueryRunner } from "typeorm";

export class Experts1796601165383 implements MigrationInterface {
    name = 'Experts1796601165383'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "expert_profiles" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "field" varchar(20) NOT NULL,
                "certificates" text NOT NULL,
                "title" varchar(80),
                "regionId" varchar(36),
                "cooperativeId" varchar(36),
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_expert_profiles_user" ON "expert_profiles" ("userId")
        `);
        await queryRunner.query(`
            CREATE TABLE "expert_visits" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "expertUserId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "cooperativeId" varchar(36),
                "regionId" varchar(36) NOT NULL,
                "scheduledOn" date NOT NULL,
                "purpose" varchar(500) NOT NULL,
                "advice" varchar(2000),
                "itemAdvice" text NOT NULL,
                "followUp" varchar(500),
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_expert_visits_inspection" ON "expert_visits" ("inspectionId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_expert_visits_coop" ON "expert_visits" ("cooperativeId", "scheduledOn")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_expert_visits_enterprise" ON "expert_visits" ("enterpriseId", "scheduledOn")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_expert_visits_expert" ON "expert_visits" ("expertUserId", "scheduledOn")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_expert_profiles_user"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_expert_profiles" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "field" varchar(20) NOT NULL,
                "certificates" text NOT NULL,
                "title" varchar(80),
                "regionId" varchar(36),
                "cooperativeId" varchar(36),
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_expert_profiles_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_expert_profiles_region" FOREIGN KEY ("regionId") REFERENCES "regions" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_expert_profiles_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_expert_profiles_created_by" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_expert_profiles"(
                    "id",
                    "userId",
                    "field",
                    "certificates",
                    "title",
                    "regionId",
                    "cooperativeId",
                    "createdById",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "userId",
                "field",
                "certificates",
                "title",
                "regionId",
                "cooperativeId",
                "createdById",
                "createdAt",
                "updatedAt"
            FROM "expert_profiles"
        `);
        await queryRunner.query(`
            DROP TABLE "expert_profiles"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_expert_profiles"
                RENAME TO "expert_profiles"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_expert_profiles_user" ON "expert_profiles" ("userId")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_expert_visits_inspection"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_expert_visits_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_expert_visits_enterprise"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_expert_visits_expert"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_expert_visits" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "expertUserId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "cooperativeId" varchar(36),
                "regionId" varchar(36) NOT NULL,
                "scheduledOn" date NOT NULL,
                "purpose" varchar(500) NOT NULL,
                "advice" varchar(2000),
                "itemAdvice" text NOT NULL,
                "followUp" varchar(500),
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_expert_visits_inspection" FOREIGN KEY ("inspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_expert_visits_expert" FOREIGN KEY ("expertUserId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_expert_visits_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_expert_visits_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_expert_visits_region" FOREIGN KEY ("regionId") REFERENCES "regions" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_expert_visits_created_by" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_expert_visits"(
                    "id",
                    "inspectionId",
                    "expertUserId",
                    "enterpriseId",
                    "cooperativeId",
                    "regionId",
                    "scheduledOn",
                    "purpose",
                    "advice",
                    "itemAdvice",
                    "followUp",
                    "createdById",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "inspectionId",
                "expertUserId",
                "enterpriseId",
                "cooperativeId",
                "regionId",
                "scheduledOn",
                "purpose",
                "advice",
                "itemAdvice",
                "followUp",
                "createdById",
                "createdAt",
                "updatedAt"
            FROM "expert_visits"
        `);
        await queryRunner.query(`
            DROP TABLE "expert_visits"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_expert_visits"
                RENAME TO "expert_visits"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_expert_visits_inspection" ON "expert_visits" ("inspectionId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_expert_visits_coop" ON "expert_visits" ("cooperativeId", "scheduledOn")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_expert_visits_enterprise" ON "expert_visits" ("enterpriseId", "scheduledOn")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_expert_visits_expert" ON "expert_visits" ("expertUserId", "scheduledOn")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_expert_visits_expert"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_expert_visits_enterprise"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_expert_visits_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_expert_visits_inspection"
        `);
        await queryRunner.query(`
            ALTER TABLE "expert_visits"
                RENAME TO "temporary_expert_visits"
        `);
        await queryRunner.query(`
            CREATE TABLE "expert_visits" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "expertUserId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "cooperativeId" varchar(36),
                "regionId" varchar(36) NOT NULL,
                "scheduledOn" date NOT NULL,
                "purpose" varchar(500) NOT NULL,
                "advice" varchar(2000),
                "itemAdvice" text NOT NULL,
                "followUp" varchar(500),
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "expert_visits"(
                    "id",
                    "inspectionId",
                    "expertUserId",
                    "enterpriseId",
                    "cooperativeId",
                    "regionId",
                    "scheduledOn",
                    "purpose",
                    "advice",
                    "itemAdvice",
                    "followUp",
                    "createdById",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "inspectionId",
                "expertUserId",
                "enterpriseId",
                "cooperativeId",
                "regionId",
                "scheduledOn",
                "purpose",
                "advice",
                "itemAdvice",
                "followUp",
                "createdById",
                "createdAt",
                "updatedAt"
            FROM "temporary_expert_visits"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_expert_visits"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_expert_visits_expert" ON "expert_visits" ("expertUserId", "scheduledOn")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_expert_visits_enterprise" ON "expert_visits" ("enterpriseId", "scheduledOn")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_expert_visits_coop" ON "expert_visits" ("cooperativeId", "scheduledOn")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_expert_visits_inspection" ON "expert_visits" ("inspectionId")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_expert_profiles_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "expert_profiles"
                RENAME TO "temporary_expert_profiles"
        `);
        await queryRunner.query(`
            CREATE TABLE "expert_profiles" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "userId" varchar(36) NOT NULL,
                "field" varchar(20) NOT NULL,
                "certificates" text NOT NULL,
                "title" varchar(80),
                "regionId" varchar(36),
                "cooperativeId" varchar(36),
                "createdById" varchar(36) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "expert_profiles"(
                    "id",
                    "userId",
                    "field",
                    "certificates",
                    "title",
                    "regionId",
                    "cooperativeId",
                    "createdById",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "userId",
                "field",
                "certificates",
                "title",
                "regionId",
                "cooperativeId",
                "createdById",
                "createdAt",
                "updatedAt"
            FROM "temporary_expert_profiles"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_expert_profiles"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_expert_profiles_user" ON "expert_profiles" ("userId")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_expert_visits_expert"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_expert_visits_enterprise"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_expert_visits_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_expert_visits_inspection"
        `);
        await queryRunner.query(`
            DROP TABLE "expert_visits"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_expert_profiles_user"
        `);
        await queryRunner.query(`
            DROP TABLE "expert_profiles"
        `);
    }

}
