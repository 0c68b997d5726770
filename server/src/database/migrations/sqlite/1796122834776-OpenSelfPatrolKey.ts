import { MigrationInterface, QueryRunner } from "typeorm";

export class OpenSelfPatrolKey1796122834776 implements MigrationInterface {
    name = 'OpenSelfPatrolKey1796122834776'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_inspections_host"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspections_coop"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_inspections" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "type" varchar(12) NOT NULL,
                "status" varchar(12) NOT NULL,
                "cooperativeId" varchar(36),
                "hostEnterpriseId" varchar(36) NOT NULL,
                "workshopId" varchar(36),
                "checklistId" varchar(36) NOT NULL,
                "scheduledOn" date NOT NULL,
                "createdById" varchar(36) NOT NULL,
                "previousInspectionId" varchar(36),
                "startedAt" datetime(6),
                "submittedAt" datetime(6),
                "submittedById" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "openSelfKey" varchar(160),
                CONSTRAINT "fk_inspections_submitted_by" FOREIGN KEY ("submittedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_previous" FOREIGN KEY ("previousInspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_created_by" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_checklist" FOREIGN KEY ("checklistId") REFERENCES "checklists" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_workshop" FOREIGN KEY ("workshopId") REFERENCES "workshops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_host" FOREIGN KEY ("hostEnterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_inspections"(
                    "id",
                    "type",
                    "status",
                    "cooperativeId",
                    "hostEnterpriseId",
                    "workshopId",
                    "checklistId",
                    "scheduledOn",
                    "createdById",
                    "previousInspectionId",
                    "startedAt",
                    "submittedAt",
                    "submittedById",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "type",
                "status",
                "cooperativeId",
                "hostEnterpriseId",
                "workshopId",
                "checklistId",
                "scheduledOn",
                "createdById",
                "previousInspectionId",
                "startedAt",
                "submittedAt",
                "submittedById",
                "createdAt",
                "updatedAt"
            FROM "inspections"
        `);
        await queryRunner.query(`
            DROP TABLE "inspections"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_inspections"
                RENAME TO "inspections"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspections_host" ON "inspections" ("hostEnterpriseId", "createdAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspections_coop" ON "inspections" ("cooperativeId", "scheduledOn")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspections_open_self" ON "inspections" ("openSelfKey")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "uq_inspections_open_self"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspections_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspections_host"
        `);
        await queryRunner.query(`
            ALTER TABLE "inspections"
                RENAME TO "temporary_inspections"
        `);
        await queryRunner.query(`
            CREATE TABLE "inspections" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "type" varchar(12) NOT NULL,
                "status" varchar(12) NOT NULL,
                "cooperativeId" varchar(36),
                "hostEnterpriseId" varchar(36) NOT NULL,
                "workshopId" varchar(36),
                "checklistId" varchar(36) NOT NULL,
                "scheduledOn" date NOT NULL,
                "createdById" varchar(36) NOT NULL,
                "previousInspectionId" varchar(36),
                "startedAt" datetime(6),
                "submittedAt" datetime(6),
                "submittedById" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_inspections_submitted_by" FOREIGN KEY ("submittedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_previous" FOREIGN KEY ("previousInspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_created_by" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_checklist" FOREIGN KEY ("checklistId") REFERENCES "checklists" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_workshop" FOREIGN KEY ("workshopId") REFERENCES "workshops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_host" FOREIGN KEY ("hostEnterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "inspections"(
                    "id",
                    "type",
                    "status",
                    "cooperativeId",
                    "hostEnterpriseId",
                    "workshopId",
                    "checklistId",
                    "scheduledOn",
                    "createdById",
                    "previousInspectionId",
                    "startedAt",
                    "submittedAt",
                    "submittedById",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "type",
                "status",
                "cooperativeId",
                "hostEnterpriseId",
                "workshopId",
                "checklistId",
                "scheduledOn",
                "createdById",
                "previousInspectionId",
                "startedAt",
                "submittedAt",
                "submittedById",
                "createdAt",
                "updatedAt"
            FROM "temporary_inspections"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_inspections"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspections_coop" ON "inspections" ("cooperativeId", "scheduledOn")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspections_host" ON "inspections" ("hostEnterpriseId", "createdAt")
        `);
    }

}
