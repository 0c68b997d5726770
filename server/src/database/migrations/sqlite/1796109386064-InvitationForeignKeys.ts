import { MigrationInterface, QueryRunner } from "typeorm";

export class InvitationForeignKeys1796109386064 implements MigrationInterface {
    name = 'InvitationForeignKeys1796109386064'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_invitations_coop"
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
                "enterpriseId" varchar(36),
                "revokedAt" datetime(6),
                CONSTRAINT "fk_invitations_cooperative" FOREIGN KEY ("cooperativeId") REFERENCES "cooperatives" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_invitations_created_by" FOREIGN KEY ("createdById") REFERENCES "users" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION,
                CONSTRAINT "fk_invitations_enterprise" FOREIGN KEY ("enterpriseId") REFERENCES "enterprises" ("id") ON DELETE NO ACTION ON UPDATE NO ACTION
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
                    "createdAt",
                    "enterpriseId",
                    "revokedAt"
                )
            SELECT "id",
                "code",
                "cooperativeId",
                "createdById",
                "expiresAt",
                "maxUses",
                "uses",
                "createdAt",
                "enterpriseId",
                "revokedAt"
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
            CREATE INDEX "ix_invitations_coop" ON "invitations" ("cooperativeId", "createdAt")
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
            DROP INDEX "ix_invitations_coop"
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
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "enterpriseId" varchar(36),
                "revokedAt" datetime(6)
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
                    "createdAt",
                    "enterpriseId",
                    "revokedAt"
                )
            SELECT "id",
                "code",
                "cooperativeId",
                "createdById",
                "expiresAt",
                "maxUses",
                "uses",
                "createdAt",
                "enterpriseId",
                "revokedAt"
            FROM "temporary_invitations"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_invitations"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_invitations_code" ON "invitations" ("code")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_invitations_coop" ON "invitations" ("cooperativeId", "createdAt")
        `);
    }

}
