import { MigrationInterface, QueryRunner } from "typeorm";

export class HazardLoop1796598729877 implements MigrationInterface {
    name = 'HazardLoop1796598729877'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_hazards_enterprise"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazards_inspection"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazards_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_hazards_origin"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_hazards" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "cooperativeId" varchar(36),
                "inspectionId" varchar(36),
                "originId" varchar(36),
                "workshopId" varchar(36),
                "itemId" varchar(36),
                "itemCode" varchar(40),
                "category" varchar(24) NOT NULL,
                "description" varchar(1000) NOT NULL,
                "level" varchar(8) NOT NULL,
                "fixMode" varchar(12) NOT NULL,
                "source" varchar(12) NOT NULL,
                "foundById" varchar(36) NOT NULL,
                "foundOn" date NOT NULL,
                "deadline" date NOT NULL,
                "planDueOn" date,
                "status" varchar(24) NOT NULL,
                "recurrenceOfId" varchar(36),
                "photoIds" text NOT NULL,
                "closedAt" datetime(6),
                "version" integer NOT NULL DEFAULT (1),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "planResponsible" varchar(40),
                "planMeasures" varchar(1000),
                "planFundsFen" bigint,
                "planDeadline" date,
                "planContingency" varchar(1000),
                "planSubmittedAt" datetime(6),
                "rectMeasures" varchar(1000),
                "rectCostFen" bigint,
                "rectResponsible" varchar(40),
                "rectPhotoIds" text,
                "rectCompletedOn" date,
                "rectSubmittedAt" datetime(6),
                "rectSubmittedById" varchar(36),
                "verifiedById" varchar(36),
                "verifiedAt" datetime(6),
                "extDeadline" date,
                "extReason" varchar(500),
                "extRequestedById" varchar(36),
                "extRequestedAt" datetime(6),
                CONSTRAINT "fk_hazards_recurrence_of" FOREIGN KEY ("recurrenceOfId") REFERENCES "hazards" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_found_by" FOREIGN KEY ("foundById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_item" FOREIGN KEY ("itemId") REFERENCES "checklist_items" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_workshop" FOREIGN KEY ("workshopId") REFERENCES "workshops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_inspection" FOREIGN KEY ("inspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_hazards"(
                    "id",
                    "enterpriseId",
                    "cooperativeId",
                    "inspectionId",
                    "originId",
                    "workshopId",
                    "itemId",
                    "itemCode",
                    "category",
                    "description",
                    "level",
                    "fixMode",
                    "source",
                    "foundById",
                    "foundOn",
                    "deadline",
                    "planDueOn",
                    "status",
                    "recurrenceOfId",
                    "photoIds",
                    "closedAt",
                    "version",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "enterpriseId",
                "cooperativeId",
                "inspectionId",
                "originId",
                "workshopId",
                "itemId",
                "itemCode",
                "category",
                "description",
                "level",
                "fixMode",
                "source",
                "foundById",
                "foundOn",
                "deadline",
                "planDueOn",
                "status",
                "recurrenceOfId",
                "photoIds",
                "closedAt",
                "version",
                "createdAt",
                "updatedAt"
            FROM "hazards"
        `);
        await queryRunner.query(`
            DROP TABLE "hazards"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_hazards"
                RENAME TO "hazards"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_enterprise" ON "hazards" ("enterpriseId", "status", "deadline")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_inspection" ON "hazards" ("inspectionId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_coop" ON "hazards" ("cooperativeId", "status", "deadline")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_hazards_origin" ON "hazards" ("originId")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazard_events_hazard"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_hazard_events" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "hazardId" varchar(36) NOT NULL,
                "kind" varchar(24) NOT NULL,
                "actorId" varchar(36),
                "at" datetime(6) NOT NULL,
                "fromStatus" varchar(24),
                "toStatus" varchar(24) NOT NULL,
                "note" varchar(1000),
                "data" text,
                "photoIds" text NOT NULL,
                "clientId" varchar(36),
                CONSTRAINT "fk_hazard_events_actor" FOREIGN KEY ("actorId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazard_events_hazard" FOREIGN KEY ("hazardId") REFERENCES "hazards" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_hazard_events"(
                    "id",
                    "hazardId",
                    "kind",
                    "actorId",
                    "at",
                    "fromStatus",
                    "toStatus",
                    "note",
                    "data",
                    "photoIds"
                )
            SELECT "id",
                "hazardId",
                "kind",
                "actorId",
                "at",
                "fromStatus",
                "toStatus",
                "note",
                "data",
                "photoIds"
            FROM "hazard_events"
        `);
        await queryRunner.query(`
            DROP TABLE "hazard_events"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_hazard_events"
                RENAME TO "hazard_events"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazard_events_hazard" ON "hazard_events" ("hazardId", "at")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_hazard_events_client" ON "hazard_events" ("clientId")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazards_enterprise"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazards_inspection"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazards_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_hazards_origin"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_hazards" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "cooperativeId" varchar(36),
                "inspectionId" varchar(36),
                "originId" varchar(36),
                "workshopId" varchar(36),
                "itemId" varchar(36),
                "itemCode" varchar(40),
                "category" varchar(24) NOT NULL,
                "description" varchar(1000) NOT NULL,
                "level" varchar(8) NOT NULL,
                "fixMode" varchar(12) NOT NULL,
                "source" varchar(12) NOT NULL,
                "foundById" varchar(36) NOT NULL,
                "foundOn" date NOT NULL,
                "deadline" date NOT NULL,
                "planDueOn" date,
                "status" varchar(24) NOT NULL,
                "recurrenceOfId" varchar(36),
                "photoIds" text NOT NULL,
                "closedAt" datetime(6),
                "version" integer NOT NULL DEFAULT (1),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "planResponsible" varchar(40),
                "planMeasures" varchar(1000),
                "planFundsFen" bigint,
                "planDeadline" date,
                "planContingency" varchar(1000),
                "planSubmittedAt" datetime(6),
                "rectMeasures" varchar(1000),
                "rectCostFen" bigint,
                "rectResponsible" varchar(40),
                "rectPhotoIds" text,
                "rectCompletedOn" date,
                "rectSubmittedAt" datetime(6),
                "rectSubmittedById" varchar(36),
                "verifiedById" varchar(36),
                "verifiedAt" datetime(6),
                "extDeadline" date,
                "extReason" varchar(500),
                "extRequestedById" varchar(36),
                "extRequestedAt" datetime(6),
                CONSTRAINT "fk_hazards_recurrence_of" FOREIGN KEY ("recurrenceOfId") REFERENCES "hazards" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_found_by" FOREIGN KEY ("foundById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_item" FOREIGN KEY ("itemId") REFERENCES "checklist_items" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_workshop" FOREIGN KEY ("workshopId") REFERENCES "workshops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_inspection" FOREIGN KEY ("inspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_rect_by" FOREIGN KEY ("rectSubmittedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_verified_by" FOREIGN KEY ("verifiedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_ext_by" FOREIGN KEY ("extRequestedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_hazards"(
                    "id",
                    "enterpriseId",
                    "cooperativeId",
                    "inspectionId",
                    "originId",
                    "workshopId",
                    "itemId",
                    "itemCode",
                    "category",
                    "description",
                    "level",
                    "fixMode",
                    "source",
                    "foundById",
                    "foundOn",
                    "deadline",
                    "planDueOn",
                    "status",
                    "recurrenceOfId",
                    "photoIds",
                    "closedAt",
                    "version",
                    "createdAt",
                    "updatedAt",
                    "planResponsible",
                    "planMeasures",
                    "planFundsFen",
                    "planDeadline",
                    "planContingency",
                    "planSubmittedAt",
                    "rectMeasures",
                    "rectCostFen",
                    "rectResponsible",
                    "rectPhotoIds",
                    "rectCompletedOn",
                    "rectSubmittedAt",
                    "rectSubmittedById",
                    "verifiedById",
                    "verifiedAt",
                    "extDeadline",
                    "extReason",
                    "extRequestedById",
                    "extRequestedAt"
                )
            SELECT "id",
                "enterpriseId",
                "cooperativeId",
                "inspectionId",
                "originId",
                "workshopId",
                "itemId",
                "itemCode",
                "category",
                "description",
                "level",
                "fixMode",
                "source",
                "foundById",
                "foundOn",
                "deadline",
                "planDueOn",
                "status",
                "recurrenceOfId",
                "photoIds",
                "closedAt",
                "version",
                "createdAt",
                "updatedAt",
                "planResponsible",
                "planMeasures",
                "planFundsFen",
                "planDeadline",
                "planContingency",
                "planSubmittedAt",
                "rectMeasures",
                "rectCostFen",
                "rectResponsible",
                "rectPhotoIds",
                "rectCompletedOn",
                "rectSubmittedAt",
                "rectSubmittedById",
                "verifiedById",
                "verifiedAt",
                "extDeadline",
                "extReason",
                "extRequestedById",
                "extRequestedAt"
            FROM "hazards"
        `);
        await queryRunner.query(`
            DROP TABLE "hazards"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_hazards"
                RENAME TO "hazards"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_enterprise" ON "hazards" ("enterpriseId", "status", "deadline")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_inspection" ON "hazards" ("inspectionId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_coop" ON "hazards" ("cooperativeId", "status", "deadline")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_hazards_origin" ON "hazards" ("originId")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "uq_hazards_origin"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazards_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazards_inspection"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazards_enterprise"
        `);
        await queryRunner.query(`
            ALTER TABLE "hazards"
                RENAME TO "temporary_hazards"
        `);
        await queryRunner.query(`
            CREATE TABLE "hazards" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "cooperativeId" varchar(36),
                "inspectionId" varchar(36),
                "originId" varchar(36),
                "workshopId" varchar(36),
                "itemId" varchar(36),
                "itemCode" varchar(40),
                "category" varchar(24) NOT NULL,
                "description" varchar(1000) NOT NULL,
                "level" varchar(8) NOT NULL,
                "fixMode" varchar(12) NOT NULL,
                "source" varchar(12) NOT NULL,
                "foundById" varchar(36) NOT NULL,
                "foundOn" date NOT NULL,
                "deadline" date NOT NULL,
                "planDueOn" date,
                "status" varchar(24) NOT NULL,
                "recurrenceOfId" varchar(36),
                "photoIds" text NOT NULL,
                "closedAt" datetime(6),
                "version" integer NOT NULL DEFAULT (1),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "planResponsible" varchar(40),
                "planMeasures" varchar(1000),
                "planFundsFen" bigint,
                "planDeadline" date,
                "planContingency" varchar(1000),
                "planSubmittedAt" datetime(6),
                "rectMeasures" varchar(1000),
                "rectCostFen" bigint,
                "rectResponsible" varchar(40),
                "rectPhotoIds" text,
                "rectCompletedOn" date,
                "rectSubmittedAt" datetime(6),
                "rectSubmittedById" varchar(36),
                "verifiedById" varchar(36),
                "verifiedAt" datetime(6),
                "extDeadline" date,
                "extReason" varchar(500),
                "extRequestedById" varchar(36),
                "extRequestedAt" datetime(6),
                CONSTRAINT "fk_hazards_recurrence_of" FOREIGN KEY ("recurrenceOfId") REFERENCES "hazards" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_found_by" FOREIGN KEY ("foundById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_item" FOREIGN KEY ("itemId") REFERENCES "checklist_items" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_workshop" FOREIGN KEY ("workshopId") REFERENCES "workshops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_inspection" FOREIGN KEY ("inspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "hazards"(
                    "id",
                    "enterpriseId",
                    "cooperativeId",
                    "inspectionId",
                    "originId",
                    "workshopId",
                    "itemId",
                    "itemCode",
                    "category",
                    "description",
                    "level",
                    "fixMode",
                    "source",
                    "foundById",
                    "foundOn",
                    "deadline",
                    "planDueOn",
                    "status",
                    "recurrenceOfId",
                    "photoIds",
                    "closedAt",
                    "version",
                    "createdAt",
                    "updatedAt",
                    "planResponsible",
                    "planMeasures",
                    "planFundsFen",
                    "planDeadline",
                    "planContingency",
                    "planSubmittedAt",
                    "rectMeasures",
                    "rectCostFen",
                    "rectResponsible",
                    "rectPhotoIds",
                    "rectCompletedOn",
                    "rectSubmittedAt",
                    "rectSubmittedById",
                    "verifiedById",
                    "verifiedAt",
                    "extDeadline",
                    "extReason",
                    "extRequestedById",
                    "extRequestedAt"
                )
            SELECT "id",
                "enterpriseId",
                "cooperativeId",
                "inspectionId",
                "originId",
                "workshopId",
                "itemId",
                "itemCode",
                "category",
                "description",
                "level",
                "fixMode",
                "source",
                "foundById",
                "foundOn",
                "deadline",
                "planDueOn",
                "status",
                "recurrenceOfId",
                "photoIds",
                "closedAt",
                "version",
                "createdAt",
                "updatedAt",
                "planResponsible",
                "planMeasures",
                "planFundsFen",
                "planDeadline",
                "planContingency",
                "planSubmittedAt",
                "rectMeasures",
                "rectCostFen",
                "rectResponsible",
                "rectPhotoIds",
                "rectCompletedOn",
                "rectSubmittedAt",
                "rectSubmittedById",
                "verifiedById",
                "verifiedAt",
                "extDeadline",
                "extReason",
                "extRequestedById",
                "extRequestedAt"
            FROM "temporary_hazards"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_hazards"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_hazards_origin" ON "hazards" ("originId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_coop" ON "hazards" ("cooperativeId", "status", "deadline")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_inspection" ON "hazards" ("inspectionId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_enterprise" ON "hazards" ("enterpriseId", "status", "deadline")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_hazard_events_client"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazard_events_hazard"
        `);
        await queryRunner.query(`
            ALTER TABLE "hazard_events"
                RENAME TO "temporary_hazard_events"
        `);
        await queryRunner.query(`
            CREATE TABLE "hazard_events" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "hazardId" varchar(36) NOT NULL,
                "kind" varchar(24) NOT NULL,
                "actorId" varchar(36),
                "at" datetime(6) NOT NULL,
                "fromStatus" varchar(24),
                "toStatus" varchar(24) NOT NULL,
                "note" varchar(1000),
                "data" text,
                "photoIds" text NOT NULL,
                CONSTRAINT "fk_hazard_events_actor" FOREIGN KEY ("actorId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazard_events_hazard" FOREIGN KEY ("hazardId") REFERENCES "hazards" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "hazard_events"(
                    "id",
                    "hazardId",
                    "kind",
                    "actorId",
                    "at",
                    "fromStatus",
                    "toStatus",
                    "note",
                    "data",
                    "photoIds"
                )
            SELECT "id",
                "hazardId",
                "kind",
                "actorId",
                "at",
                "fromStatus",
                "toStatus",
                "note",
                "data",
                "photoIds"
            FROM "temporary_hazard_events"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_hazard_events"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazard_events_hazard" ON "hazard_events" ("hazardId", "at")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_hazards_origin"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazards_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazards_inspection"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazards_enterprise"
        `);
        await queryRunner.query(`
            ALTER TABLE "hazards"
                RENAME TO "temporary_hazards"
        `);
        await queryRunner.query(`
            CREATE TABLE "hazards" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "cooperativeId" varchar(36),
                "inspectionId" varchar(36),
                "originId" varchar(36),
                "workshopId" varchar(36),
                "itemId" varchar(36),
                "itemCode" varchar(40),
                "category" varchar(24) NOT NULL,
                "description" varchar(1000) NOT NULL,
                "level" varchar(8) NOT NULL,
                "fixMode" varchar(12) NOT NULL,
                "source" varchar(12) NOT NULL,
                "foundById" varchar(36) NOT NULL,
                "foundOn" date NOT NULL,
                "deadline" date NOT NULL,
                "planDueOn" date,
                "status" varchar(24) NOT NULL,
                "recurrenceOfId" varchar(36),
                "photoIds" text NOT NULL,
                "closedAt" datetime(6),
                "version" integer NOT NULL DEFAULT (1),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_hazards_recurrence_of" FOREIGN KEY ("recurrenceOfId") REFERENCES "hazards" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_found_by" FOREIGN KEY ("foundById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_item" FOREIGN KEY ("itemId") REFERENCES "checklist_items" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_workshop" FOREIGN KEY ("workshopId") REFERENCES "workshops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_inspection" FOREIGN KEY ("inspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "hazards"(
                    "id",
                    "enterpriseId",
                    "cooperativeId",
                    "inspectionId",
                    "originId",
                    "workshopId",
                    "itemId",
                    "itemCode",
                    "category",
                    "description",
                    "level",
                    "fixMode",
                    "source",
                    "foundById",
                    "foundOn",
                    "deadline",
                    "planDueOn",
                    "status",
                    "recurrenceOfId",
                    "photoIds",
                    "closedAt",
                    "version",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "enterpriseId",
                "cooperativeId",
                "inspectionId",
                "originId",
                "workshopId",
                "itemId",
                "itemCode",
                "category",
                "description",
                "level",
                "fixMode",
                "source",
                "foundById",
                "foundOn",
                "deadline",
                "planDueOn",
                "status",
                "recurrenceOfId",
                "photoIds",
                "closedAt",
                "version",
                "createdAt",
                "updatedAt"
            FROM "temporary_hazards"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_hazards"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_hazards_origin" ON "hazards" ("originId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_coop" ON "hazards" ("cooperativeId", "status", "deadline")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_inspection" ON "hazards" ("inspectionId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_enterprise" ON "hazards" ("enterpriseId", "status", "deadline")
        `);
    }

}
