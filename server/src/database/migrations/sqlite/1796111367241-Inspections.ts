import { MigrationInterface, QueryRunner } from "typeorm";

export class Inspections1796111367241 implements MigrationInterface {
    name = 'Inspections1796111367241'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "checklists" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "familyId" varchar(36) NOT NULL,
                "version" integer NOT NULL,
                "latest" boolean NOT NULL DEFAULT (1),
                "name" varchar(60) NOT NULL,
                "industry" varchar(40) NOT NULL DEFAULT (''),
                "cooperativeId" varchar(36),
                "copiedFromId" varchar(36),
                "seedHash" varchar(64),
                "createdById" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_checklists_coop" ON "checklists" ("cooperativeId", "latest")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_checklists_family_version" ON "checklists" ("familyId", "version")
        `);
        await queryRunner.query(`
            CREATE TABLE "checklist_items" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "checklistId" varchar(36) NOT NULL,
                "code" varchar(40) NOT NULL,
                "sort" integer NOT NULL,
                "section" varchar(40) NOT NULL,
                "category" varchar(24) NOT NULL,
                "text" varchar(300) NOT NULL,
                "answerType" varchar(12) NOT NULL,
                "unit" varchar(16),
                "photoRequiredOnFail" boolean NOT NULL DEFAULT (0),
                "weight" integer NOT NULL DEFAULT (1),
                "legalBasis" varchar(200)
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_checklist_items_code" ON "checklist_items" ("checklistId", "code")
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
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspections_coop" ON "inspections" ("cooperativeId", "scheduledOn")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspections_host" ON "inspections" ("hostEnterpriseId", "createdAt")
        `);
        await queryRunner.query(`
            CREATE TABLE "inspection_inspectors" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36),
                "role" varchar(8) NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspection_inspectors_user" ON "inspection_inspectors" ("userId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_inspectors" ON "inspection_inspectors" ("inspectionId", "userId")
        `);
        await queryRunner.query(`
            CREATE TABLE "inspection_results" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "itemId" varchar(36) NOT NULL,
                "workshopKey" varchar(36) NOT NULL DEFAULT (''),
                "clientId" varchar(36) NOT NULL,
                "answer" varchar(4),
                "number" double,
                "text" varchar(500),
                "note" varchar(500),
                "photoIds" text NOT NULL,
                "recordedById" varchar(36) NOT NULL,
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_results_item" ON "inspection_results" ("inspectionId", "itemId", "workshopKey")
        `);
        await queryRunner.query(`
            CREATE TABLE "inspection_findings" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "clientId" varchar(36) NOT NULL,
                "kind" varchar(16) NOT NULL,
                "itemId" varchar(36),
                "workshopId" varchar(36),
                "description" varchar(1000) NOT NULL,
                "category" varchar(24),
                "level" varchar(8),
                "fixMode" varchar(12),
                "photoIds" text NOT NULL,
                "recordedById" varchar(36) NOT NULL,
                "hazardId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_findings_client" ON "inspection_findings" ("inspectionId", "clientId")
        `);
        await queryRunner.query(`
            CREATE TABLE "inspection_carried" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "hazardId" varchar(36) NOT NULL,
                "mark" varchar(12),
                "clientId" varchar(36),
                "note" varchar(500),
                "level" varchar(8),
                "fixMode" varchar(12),
                "photoIds" text NOT NULL,
                "markedById" varchar(36),
                "recurrenceId" varchar(36)
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspection_carried_hazard" ON "inspection_carried" ("hazardId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_carried" ON "inspection_carried" ("inspectionId", "hazardId")
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
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
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
                "photoIds" text NOT NULL
            )
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazard_events_hazard" ON "hazard_events" ("hazardId", "at")
        `);
        await queryRunner.query(`
            CREATE TABLE "deadline_rules" (
                "cooperativeId" varchar(36) PRIMARY KEY NOT NULL,
                "immediateDays" integer NOT NULL,
                "generalDays" integer NOT NULL,
                "majorDays" integer NOT NULL,
                "majorPlanDays" integer NOT NULL,
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
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
                "readAt" datetime(6)
            )
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
            DROP INDEX "ix_checklists_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_checklists_family_version"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_checklists" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "familyId" varchar(36) NOT NULL,
                "version" integer NOT NULL,
                "latest" boolean NOT NULL DEFAULT (1),
                "name" varchar(60) NOT NULL,
                "industry" varchar(40) NOT NULL DEFAULT (''),
                "cooperativeId" varchar(36),
                "copiedFromId" varchar(36),
                "seedHash" varchar(64),
                "createdById" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_checklists_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_checklists_copied_from" FOREIGN KEY ("copiedFromId") REFERENCES "checklists" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_checklists_created_by" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_checklists"(
                    "id",
                    "familyId",
                    "version",
                    "latest",
                    "name",
                    "industry",
                    "cooperativeId",
                    "copiedFromId",
                    "seedHash",
                    "createdById",
                    "createdAt"
                )
            SELECT "id",
                "familyId",
                "version",
                "latest",
                "name",
                "industry",
                "cooperativeId",
                "copiedFromId",
                "seedHash",
                "createdById",
                "createdAt"
            FROM "checklists"
        `);
        await queryRunner.query(`
            DROP TABLE "checklists"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_checklists"
                RENAME TO "checklists"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_checklists_coop" ON "checklists" ("cooperativeId", "latest")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_checklists_family_version" ON "checklists" ("familyId", "version")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_checklist_items_code"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_checklist_items" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "checklistId" varchar(36) NOT NULL,
                "code" varchar(40) NOT NULL,
                "sort" integer NOT NULL,
                "section" varchar(40) NOT NULL,
                "category" varchar(24) NOT NULL,
                "text" varchar(300) NOT NULL,
                "answerType" varchar(12) NOT NULL,
                "unit" varchar(16),
                "photoRequiredOnFail" boolean NOT NULL DEFAULT (0),
                "weight" integer NOT NULL DEFAULT (1),
                "legalBasis" varchar(200),
                CONSTRAINT "fk_checklist_items_checklist" FOREIGN KEY ("checklistId") REFERENCES "checklists" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_checklist_items"(
                    "id",
                    "checklistId",
                    "code",
                    "sort",
                    "section",
                    "category",
                    "text",
                    "answerType",
                    "unit",
                    "photoRequiredOnFail",
                    "weight",
                    "legalBasis"
                )
            SELECT "id",
                "checklistId",
                "code",
                "sort",
                "section",
                "category",
                "text",
                "answerType",
                "unit",
                "photoRequiredOnFail",
                "weight",
                "legalBasis"
            FROM "checklist_items"
        `);
        await queryRunner.query(`
            DROP TABLE "checklist_items"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_checklist_items"
                RENAME TO "checklist_items"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_checklist_items_code" ON "checklist_items" ("checklistId", "code")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspections_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspections_host"
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
                CONSTRAINT "fk_inspections_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_host" FOREIGN KEY ("hostEnterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_workshop" FOREIGN KEY ("workshopId") REFERENCES "workshops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_checklist" FOREIGN KEY ("checklistId") REFERENCES "checklists" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_created_by" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_previous" FOREIGN KEY ("previousInspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspections_submitted_by" FOREIGN KEY ("submittedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
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
            CREATE INDEX "ix_inspections_coop" ON "inspections" ("cooperativeId", "scheduledOn")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspections_host" ON "inspections" ("hostEnterpriseId", "createdAt")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspection_inspectors_user"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_inspection_inspectors"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_inspection_inspectors" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36),
                "role" varchar(8) NOT NULL,
                CONSTRAINT "fk_inspection_inspectors_inspection" FOREIGN KEY ("inspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspection_inspectors_user" FOREIGN KEY ("userId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspection_inspectors_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_inspection_inspectors"(
                    "id",
                    "inspectionId",
                    "userId",
                    "enterpriseId",
                    "role"
                )
            SELECT "id",
                "inspectionId",
                "userId",
                "enterpriseId",
                "role"
            FROM "inspection_inspectors"
        `);
        await queryRunner.query(`
            DROP TABLE "inspection_inspectors"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_inspection_inspectors"
                RENAME TO "inspection_inspectors"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspection_inspectors_user" ON "inspection_inspectors" ("userId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_inspectors" ON "inspection_inspectors" ("inspectionId", "userId")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_inspection_results_item"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_inspection_results" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "itemId" varchar(36) NOT NULL,
                "workshopKey" varchar(36) NOT NULL DEFAULT (''),
                "clientId" varchar(36) NOT NULL,
                "answer" varchar(4),
                "number" double,
                "text" varchar(500),
                "note" varchar(500),
                "photoIds" text NOT NULL,
                "recordedById" varchar(36) NOT NULL,
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_inspection_results_inspection" FOREIGN KEY ("inspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspection_results_item" FOREIGN KEY ("itemId") REFERENCES "checklist_items" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspection_results_user" FOREIGN KEY ("recordedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_inspection_results"(
                    "id",
                    "inspectionId",
                    "itemId",
                    "workshopKey",
                    "clientId",
                    "answer",
                    "number",
                    "text",
                    "note",
                    "photoIds",
                    "recordedById",
                    "updatedAt"
                )
            SELECT "id",
                "inspectionId",
                "itemId",
                "workshopKey",
                "clientId",
                "answer",
                "number",
                "text",
                "note",
                "photoIds",
                "recordedById",
                "updatedAt"
            FROM "inspection_results"
        `);
        await queryRunner.query(`
            DROP TABLE "inspection_results"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_inspection_results"
                RENAME TO "inspection_results"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_results_item" ON "inspection_results" ("inspectionId", "itemId", "workshopKey")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_inspection_findings_client"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_inspection_findings" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "clientId" varchar(36) NOT NULL,
                "kind" varchar(16) NOT NULL,
                "itemId" varchar(36),
                "workshopId" varchar(36),
                "description" varchar(1000) NOT NULL,
                "category" varchar(24),
                "level" varchar(8),
                "fixMode" varchar(12),
                "photoIds" text NOT NULL,
                "recordedById" varchar(36) NOT NULL,
                "hazardId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_inspection_findings_inspection" FOREIGN KEY ("inspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspection_findings_item" FOREIGN KEY ("itemId") REFERENCES "checklist_items" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspection_findings_workshop" FOREIGN KEY ("workshopId") REFERENCES "workshops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspection_findings_user" FOREIGN KEY ("recordedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_inspection_findings"(
                    "id",
                    "inspectionId",
                    "clientId",
                    "kind",
                    "itemId",
                    "workshopId",
                    "description",
                    "category",
                    "level",
                    "fixMode",
                    "photoIds",
                    "recordedById",
                    "hazardId",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "inspectionId",
                "clientId",
                "kind",
                "itemId",
                "workshopId",
                "description",
                "category",
                "level",
                "fixMode",
                "photoIds",
                "recordedById",
                "hazardId",
                "createdAt",
                "updatedAt"
            FROM "inspection_findings"
        `);
        await queryRunner.query(`
            DROP TABLE "inspection_findings"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_inspection_findings"
                RENAME TO "inspection_findings"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_findings_client" ON "inspection_findings" ("inspectionId", "clientId")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspection_carried_hazard"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_inspection_carried"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_inspection_carried" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "hazardId" varchar(36) NOT NULL,
                "mark" varchar(12),
                "clientId" varchar(36),
                "note" varchar(500),
                "level" varchar(8),
                "fixMode" varchar(12),
                "photoIds" text NOT NULL,
                "markedById" varchar(36),
                "recurrenceId" varchar(36),
                CONSTRAINT "fk_inspection_carried_inspection" FOREIGN KEY ("inspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_inspection_carried_user" FOREIGN KEY ("markedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_inspection_carried"(
                    "id",
                    "inspectionId",
                    "hazardId",
                    "mark",
                    "clientId",
                    "note",
                    "level",
                    "fixMode",
                    "photoIds",
                    "markedById",
                    "recurrenceId"
                )
            SELECT "id",
                "inspectionId",
                "hazardId",
                "mark",
                "clientId",
                "note",
                "level",
                "fixMode",
                "photoIds",
                "markedById",
                "recurrenceId"
            FROM "inspection_carried"
        `);
        await queryRunner.query(`
            DROP TABLE "inspection_carried"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_inspection_carried"
                RENAME TO "inspection_carried"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspection_carried_hazard" ON "inspection_carried" ("hazardId")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_carried" ON "inspection_carried" ("inspectionId", "hazardId")
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
                CONSTRAINT "fk_hazards_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_inspection" FOREIGN KEY ("inspectionId") REFERENCES "inspections" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_workshop" FOREIGN KEY ("workshopId") REFERENCES "workshops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_item" FOREIGN KEY ("itemId") REFERENCES "checklist_items" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_found_by" FOREIGN KEY ("foundById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazards_recurrence_of" FOREIGN KEY ("recurrenceOfId") REFERENCES "hazards" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
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
                CONSTRAINT "fk_hazard_events_hazard" FOREIGN KEY ("hazardId") REFERENCES "hazards" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_hazard_events_actor" FOREIGN KEY ("actorId") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
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
            CREATE TABLE "temporary_deadline_rules" (
                "cooperativeId" varchar(36) PRIMARY KEY NOT NULL,
                "immediateDays" integer NOT NULL,
                "generalDays" integer NOT NULL,
                "majorDays" integer NOT NULL,
                "majorPlanDays" integer NOT NULL,
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_deadline_rules_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_deadline_rules"(
                    "cooperativeId",
                    "immediateDays",
                    "generalDays",
                    "majorDays",
                    "majorPlanDays",
                    "updatedAt"
                )
            SELECT "cooperativeId",
                "immediateDays",
                "generalDays",
                "majorDays",
                "majorPlanDays",
                "updatedAt"
            FROM "deadline_rules"
        `);
        await queryRunner.query(`
            DROP TABLE "deadline_rules"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_deadline_rules"
                RENAME TO "deadline_rules"
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
            CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications" ("dedupeKey")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_push" ON "notifications" ("pushStatus", "createdAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_user" ON "notifications" ("userId", "createdAt")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
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
                "readAt" datetime(6)
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
            CREATE INDEX "ix_notifications_user" ON "notifications" ("userId", "createdAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_notifications_push" ON "notifications" ("pushStatus", "createdAt")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_notifications_dedupe" ON "notifications" ("dedupeKey")
        `);
        await queryRunner.query(`
            ALTER TABLE "deadline_rules"
                RENAME TO "temporary_deadline_rules"
        `);
        await queryRunner.query(`
            CREATE TABLE "deadline_rules" (
                "cooperativeId" varchar(36) PRIMARY KEY NOT NULL,
                "immediateDays" integer NOT NULL,
                "generalDays" integer NOT NULL,
                "majorDays" integer NOT NULL,
                "majorPlanDays" integer NOT NULL,
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "deadline_rules"(
                    "cooperativeId",
                    "immediateDays",
                    "generalDays",
                    "majorDays",
                    "majorPlanDays",
                    "updatedAt"
                )
            SELECT "cooperativeId",
                "immediateDays",
                "generalDays",
                "majorDays",
                "majorPlanDays",
                "updatedAt"
            FROM "temporary_deadline_rules"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_deadline_rules"
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
                "photoIds" text NOT NULL
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
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
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
            DROP INDEX "uq_inspection_carried"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspection_carried_hazard"
        `);
        await queryRunner.query(`
            ALTER TABLE "inspection_carried"
                RENAME TO "temporary_inspection_carried"
        `);
        await queryRunner.query(`
            CREATE TABLE "inspection_carried" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "hazardId" varchar(36) NOT NULL,
                "mark" varchar(12),
                "clientId" varchar(36),
                "note" varchar(500),
                "level" varchar(8),
                "fixMode" varchar(12),
                "photoIds" text NOT NULL,
                "markedById" varchar(36),
                "recurrenceId" varchar(36)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "inspection_carried"(
                    "id",
                    "inspectionId",
                    "hazardId",
                    "mark",
                    "clientId",
                    "note",
                    "level",
                    "fixMode",
                    "photoIds",
                    "markedById",
                    "recurrenceId"
                )
            SELECT "id",
                "inspectionId",
                "hazardId",
                "mark",
                "clientId",
                "note",
                "level",
                "fixMode",
                "photoIds",
                "markedById",
                "recurrenceId"
            FROM "temporary_inspection_carried"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_inspection_carried"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_carried" ON "inspection_carried" ("inspectionId", "hazardId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspection_carried_hazard" ON "inspection_carried" ("hazardId")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_inspection_findings_client"
        `);
        await queryRunner.query(`
            ALTER TABLE "inspection_findings"
                RENAME TO "temporary_inspection_findings"
        `);
        await queryRunner.query(`
            CREATE TABLE "inspection_findings" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "clientId" varchar(36) NOT NULL,
                "kind" varchar(16) NOT NULL,
                "itemId" varchar(36),
                "workshopId" varchar(36),
                "description" varchar(1000) NOT NULL,
                "category" varchar(24),
                "level" varchar(8),
                "fixMode" varchar(12),
                "photoIds" text NOT NULL,
                "recordedById" varchar(36) NOT NULL,
                "hazardId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "inspection_findings"(
                    "id",
                    "inspectionId",
                    "clientId",
                    "kind",
                    "itemId",
                    "workshopId",
                    "description",
                    "category",
                    "level",
                    "fixMode",
                    "photoIds",
                    "recordedById",
                    "hazardId",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "inspectionId",
                "clientId",
                "kind",
                "itemId",
                "workshopId",
                "description",
                "category",
                "level",
                "fixMode",
                "photoIds",
                "recordedById",
                "hazardId",
                "createdAt",
                "updatedAt"
            FROM "temporary_inspection_findings"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_inspection_findings"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_findings_client" ON "inspection_findings" ("inspectionId", "clientId")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_inspection_results_item"
        `);
        await queryRunner.query(`
            ALTER TABLE "inspection_results"
                RENAME TO "temporary_inspection_results"
        `);
        await queryRunner.query(`
            CREATE TABLE "inspection_results" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "itemId" varchar(36) NOT NULL,
                "workshopKey" varchar(36) NOT NULL DEFAULT (''),
                "clientId" varchar(36) NOT NULL,
                "answer" varchar(4),
                "number" double,
                "text" varchar(500),
                "note" varchar(500),
                "photoIds" text NOT NULL,
                "recordedById" varchar(36) NOT NULL,
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "inspection_results"(
                    "id",
                    "inspectionId",
                    "itemId",
                    "workshopKey",
                    "clientId",
                    "answer",
                    "number",
                    "text",
                    "note",
                    "photoIds",
                    "recordedById",
                    "updatedAt"
                )
            SELECT "id",
                "inspectionId",
                "itemId",
                "workshopKey",
                "clientId",
                "answer",
                "number",
                "text",
                "note",
                "photoIds",
                "recordedById",
                "updatedAt"
            FROM "temporary_inspection_results"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_inspection_results"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_results_item" ON "inspection_results" ("inspectionId", "itemId", "workshopKey")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_inspection_inspectors"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspection_inspectors_user"
        `);
        await queryRunner.query(`
            ALTER TABLE "inspection_inspectors"
                RENAME TO "temporary_inspection_inspectors"
        `);
        await queryRunner.query(`
            CREATE TABLE "inspection_inspectors" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "inspectionId" varchar(36) NOT NULL,
                "userId" varchar(36) NOT NULL,
                "enterpriseId" varchar(36),
                "role" varchar(8) NOT NULL
            )
        `);
        await queryRunner.query(`
            INSERT INTO "inspection_inspectors"(
                    "id",
                    "inspectionId",
                    "userId",
                    "enterpriseId",
                    "role"
                )
            SELECT "id",
                "inspectionId",
                "userId",
                "enterpriseId",
                "role"
            FROM "temporary_inspection_inspectors"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_inspection_inspectors"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_inspection_inspectors" ON "inspection_inspectors" ("inspectionId", "userId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspection_inspectors_user" ON "inspection_inspectors" ("userId")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspections_host"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspections_coop"
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
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
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
            CREATE INDEX "ix_inspections_host" ON "inspections" ("hostEnterpriseId", "createdAt")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_inspections_coop" ON "inspections" ("cooperativeId", "scheduledOn")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_checklist_items_code"
        `);
        await queryRunner.query(`
            ALTER TABLE "checklist_items"
                RENAME TO "temporary_checklist_items"
        `);
        await queryRunner.query(`
            CREATE TABLE "checklist_items" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "checklistId" varchar(36) NOT NULL,
                "code" varchar(40) NOT NULL,
                "sort" integer NOT NULL,
                "section" varchar(40) NOT NULL,
                "category" varchar(24) NOT NULL,
                "text" varchar(300) NOT NULL,
                "answerType" varchar(12) NOT NULL,
                "unit" varchar(16),
                "photoRequiredOnFail" boolean NOT NULL DEFAULT (0),
                "weight" integer NOT NULL DEFAULT (1),
                "legalBasis" varchar(200)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "checklist_items"(
                    "id",
                    "checklistId",
                    "code",
                    "sort",
                    "section",
                    "category",
                    "text",
                    "answerType",
                    "unit",
                    "photoRequiredOnFail",
                    "weight",
                    "legalBasis"
                )
            SELECT "id",
                "checklistId",
                "code",
                "sort",
                "section",
                "category",
                "text",
                "answerType",
                "unit",
                "photoRequiredOnFail",
                "weight",
                "legalBasis"
            FROM "temporary_checklist_items"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_checklist_items"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_checklist_items_code" ON "checklist_items" ("checklistId", "code")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_checklists_family_version"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_checklists_coop"
        `);
        await queryRunner.query(`
            ALTER TABLE "checklists"
                RENAME TO "temporary_checklists"
        `);
        await queryRunner.query(`
            CREATE TABLE "checklists" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "familyId" varchar(36) NOT NULL,
                "version" integer NOT NULL,
                "latest" boolean NOT NULL DEFAULT (1),
                "name" varchar(60) NOT NULL,
                "industry" varchar(40) NOT NULL DEFAULT (''),
                "cooperativeId" varchar(36),
                "copiedFromId" varchar(36),
                "seedHash" varchar(64),
                "createdById" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "checklists"(
                    "id",
                    "familyId",
                    "version",
                    "latest",
                    "name",
                    "industry",
                    "cooperativeId",
                    "copiedFromId",
                    "seedHash",
                    "createdById",
                    "createdAt"
                )
            SELECT "id",
                "familyId",
                "version",
                "latest",
                "name",
                "industry",
                "cooperativeId",
                "copiedFromId",
                "seedHash",
                "createdById",
                "createdAt"
            FROM "temporary_checklists"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_checklists"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_checklists_family_version" ON "checklists" ("familyId", "version")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_checklists_coop" ON "checklists" ("cooperativeId", "latest")
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
            DROP TABLE "notifications"
        `);
        await queryRunner.query(`
            DROP TABLE "deadline_rules"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_hazard_events_hazard"
        `);
        await queryRunner.query(`
            DROP TABLE "hazard_events"
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
            DROP TABLE "hazards"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_inspection_carried"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspection_carried_hazard"
        `);
        await queryRunner.query(`
            DROP TABLE "inspection_carried"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_inspection_findings_client"
        `);
        await queryRunner.query(`
            DROP TABLE "inspection_findings"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_inspection_results_item"
        `);
        await queryRunner.query(`
            DROP TABLE "inspection_results"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_inspection_inspectors"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspection_inspectors_user"
        `);
        await queryRunner.query(`
            DROP TABLE "inspection_inspectors"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspections_host"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_inspections_coop"
        `);
        await queryRunner.query(`
            DROP TABLE "inspections"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_checklist_items_code"
        `);
        await queryRunner.query(`
            DROP TABLE "checklist_items"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_checklists_family_version"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_checklists_coop"
        `);
        await queryRunner.query(`
            DROP TABLE "checklists"
        `);
    }

}
