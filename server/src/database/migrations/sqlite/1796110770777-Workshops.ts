import { MigrationInterface, QueryRunner } from "typeorm";

export class Workshops1796110770777 implements MigrationInterface {
    name = 'Workshops1796110770777'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE "workshops" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "name" varchar(60) NOT NULL,
                "location" varchar(120) NOT NULL DEFAULT (''),
                "responsiblePerson" varchar(40) NOT NULL DEFAULT (''),
                "riskLevel" varchar(8) NOT NULL,
                "lecL10" integer,
                "lecE10" integer,
                "lecC" integer,
                "qrToken" varchar(32) NOT NULL,
                "manualCode" varchar(8) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_workshops_qr_token" ON "workshops" ("qrToken")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_workshops_manual_code" ON "workshops" ("manualCode")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_workshops_enterprise" ON "workshops" ("enterpriseId", "name")
        `);
        await queryRunner.query(`
            CREATE TABLE "files" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "storageKey" varchar(64) NOT NULL,
                "thumbKey" varchar(64),
                "mime" varchar(32) NOT NULL,
                "size" integer NOT NULL,
                "width" integer,
                "height" integer,
                "uploadedById" varchar(36) NOT NULL,
                "enterpriseId" varchar(36),
                "workshopId" varchar(36),
                "inspectionId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_files_storage_key" ON "files" ("storageKey")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_files_uploader" ON "files" ("uploadedById", "createdAt")
        `);
        await queryRunner.query(`
            CREATE TABLE "workshop_retired_codes" (
                "code" varchar(32) PRIMARY KEY NOT NULL,
                "workshopId" varchar(36) NOT NULL,
                "retiredAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            DROP INDEX "uq_workshops_qr_token"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_workshops_manual_code"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_workshops_enterprise"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_workshops" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "name" varchar(60) NOT NULL,
                "location" varchar(120) NOT NULL DEFAULT (''),
                "responsiblePerson" varchar(40) NOT NULL DEFAULT (''),
                "riskLevel" varchar(8) NOT NULL,
                "lecL10" integer,
                "lecE10" integer,
                "lecC" integer,
                "qrToken" varchar(32) NOT NULL,
                "manualCode" varchar(8) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_workshops_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_workshops"(
                    "id",
                    "enterpriseId",
                    "name",
                    "location",
                    "responsiblePerson",
                    "riskLevel",
                    "lecL10",
                    "lecE10",
                    "lecC",
                    "qrToken",
                    "manualCode",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "enterpriseId",
                "name",
                "location",
                "responsiblePerson",
                "riskLevel",
                "lecL10",
                "lecE10",
                "lecC",
                "qrToken",
                "manualCode",
                "createdAt",
                "updatedAt"
            FROM "workshops"
        `);
        await queryRunner.query(`
            DROP TABLE "workshops"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_workshops"
                RENAME TO "workshops"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_workshops_qr_token" ON "workshops" ("qrToken")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_workshops_manual_code" ON "workshops" ("manualCode")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_workshops_enterprise" ON "workshops" ("enterpriseId", "name")
        `);
        await queryRunner.query(`
            DROP INDEX "uq_files_storage_key"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_files_uploader"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_files" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "storageKey" varchar(64) NOT NULL,
                "thumbKey" varchar(64),
                "mime" varchar(32) NOT NULL,
                "size" integer NOT NULL,
                "width" integer,
                "height" integer,
                "uploadedById" varchar(36) NOT NULL,
                "enterpriseId" varchar(36),
                "workshopId" varchar(36),
                "inspectionId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_files_uploaded_by" FOREIGN KEY ("uploadedById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_files_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_files_workshop" FOREIGN KEY ("workshopId") REFERENCES "workshops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_files"(
                    "id",
                    "storageKey",
                    "thumbKey",
                    "mime",
                    "size",
                    "width",
                    "height",
                    "uploadedById",
                    "enterpriseId",
                    "workshopId",
                    "inspectionId",
                    "createdAt"
                )
            SELECT "id",
                "storageKey",
                "thumbKey",
                "mime",
                "size",
                "width",
                "height",
                "uploadedById",
                "enterpriseId",
                "workshopId",
                "inspectionId",
                "createdAt"
            FROM "files"
        `);
        await queryRunner.query(`
            DROP TABLE "files"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_files"
                RENAME TO "files"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_files_storage_key" ON "files" ("storageKey")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_files_uploader" ON "files" ("uploadedById", "createdAt")
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_workshop_retired_codes" (
                "code" varchar(32) PRIMARY KEY NOT NULL,
                "workshopId" varchar(36) NOT NULL,
                "retiredAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                CONSTRAINT "fk_workshop_retired_codes_workshop" FOREIGN KEY ("workshopId") REFERENCES "workshops" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_workshop_retired_codes"("code", "workshopId", "retiredAt")
            SELECT "code",
                "workshopId",
                "retiredAt"
            FROM "workshop_retired_codes"
        `);
        await queryRunner.query(`
            DROP TABLE "workshop_retired_codes"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_workshop_retired_codes"
                RENAME TO "workshop_retired_codes"
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE "workshop_retired_codes"
                RENAME TO "temporary_workshop_retired_codes"
        `);
        await queryRunner.query(`
            CREATE TABLE "workshop_retired_codes" (
                "code" varchar(32) PRIMARY KEY NOT NULL,
                "workshopId" varchar(36) NOT NULL,
                "retiredAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "workshop_retired_codes"("code", "workshopId", "retiredAt")
            SELECT "code",
                "workshopId",
                "retiredAt"
            FROM "temporary_workshop_retired_codes"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_workshop_retired_codes"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_files_uploader"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_files_storage_key"
        `);
        await queryRunner.query(`
            ALTER TABLE "files"
                RENAME TO "temporary_files"
        `);
        await queryRunner.query(`
            CREATE TABLE "files" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "storageKey" varchar(64) NOT NULL,
                "thumbKey" varchar(64),
                "mime" varchar(32) NOT NULL,
                "size" integer NOT NULL,
                "width" integer,
                "height" integer,
                "uploadedById" varchar(36) NOT NULL,
                "enterpriseId" varchar(36),
                "workshopId" varchar(36),
                "inspectionId" varchar(36),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "files"(
                    "id",
                    "storageKey",
                    "thumbKey",
                    "mime",
                    "size",
                    "width",
                    "height",
                    "uploadedById",
                    "enterpriseId",
                    "workshopId",
                    "inspectionId",
                    "createdAt"
                )
            SELECT "id",
                "storageKey",
                "thumbKey",
                "mime",
                "size",
                "width",
                "height",
                "uploadedById",
                "enterpriseId",
                "workshopId",
                "inspectionId",
                "createdAt"
            FROM "temporary_files"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_files"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_files_uploader" ON "files" ("uploadedById", "createdAt")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_files_storage_key" ON "files" ("storageKey")
        `);
        await queryRunner.query(`
            DROP INDEX "ix_workshops_enterprise"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_workshops_manual_code"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_workshops_qr_token"
        `);
        await queryRunner.query(`
            ALTER TABLE "workshops"
                RENAME TO "temporary_workshops"
        `);
        await queryRunner.query(`
            CREATE TABLE "workshops" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "enterpriseId" varchar(36) NOT NULL,
                "name" varchar(60) NOT NULL,
                "location" varchar(120) NOT NULL DEFAULT (''),
                "responsiblePerson" varchar(40) NOT NULL DEFAULT (''),
                "riskLevel" varchar(8) NOT NULL,
                "lecL10" integer,
                "lecE10" integer,
                "lecC" integer,
                "qrToken" varchar(32) NOT NULL,
                "manualCode" varchar(8) NOT NULL,
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "workshops"(
                    "id",
                    "enterpriseId",
                    "name",
                    "location",
                    "responsiblePerson",
                    "riskLevel",
                    "lecL10",
                    "lecE10",
                    "lecC",
                    "qrToken",
                    "manualCode",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "enterpriseId",
                "name",
                "location",
                "responsiblePerson",
                "riskLevel",
                "lecL10",
                "lecE10",
                "lecC",
                "qrToken",
                "manualCode",
                "createdAt",
                "updatedAt"
            FROM "temporary_workshops"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_workshops"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_workshops_enterprise" ON "workshops" ("enterpriseId", "name")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_workshops_manual_code" ON "workshops" ("manualCode")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_workshops_qr_token" ON "workshops" ("qrToken")
        `);
        await queryRunner.query(`
            DROP TABLE "workshop_retired_codes"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_files_uploader"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_files_storage_key"
        `);
        await queryRunner.query(`
            DROP TABLE "files"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_workshops_enterprise"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_workshops_manual_code"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_workshops_qr_token"
        `);
        await queryRunner.query(`
            DROP TABLE "workshops"
        `);
    }

}
