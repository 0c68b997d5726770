import { MigrationInterface, QueryRunner } from "typeorm";

export class UserPhone1796108951283 implements MigrationInterface {
    name = 'UserPhone1796108951283'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "uq_users_openid"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_users_username"
        `);
        await queryRunner.query(`
            CREATE TABLE "temporary_users" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "username" varchar(64),
                "passwordHash" varchar(255),
                "name" varchar(40) NOT NULL,
                "openid" varchar(64),
                "unionid" varchar(64),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "phone" varchar(20)
            )
        `);
        await queryRunner.query(`
            INSERT INTO "temporary_users"(
                    "id",
                    "username",
                    "passwordHash",
                    "name",
                    "openid",
                    "unionid",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "username",
                "passwordHash",
                "name",
                "openid",
                "unionid",
                "createdAt",
                "updatedAt"
            FROM "users"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            ALTER TABLE "temporary_users"
                RENAME TO "users"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_openid" ON "users" ("openid")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_username" ON "users" ("username")
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "uq_users_username"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_users_openid"
        `);
        await queryRunner.query(`
            ALTER TABLE "users"
                RENAME TO "temporary_users"
        `);
        await queryRunner.query(`
            CREATE TABLE "users" (
                "id" varchar(36) PRIMARY KEY NOT NULL,
                "username" varchar(64),
                "passwordHash" varchar(255),
                "name" varchar(40) NOT NULL,
                "openid" varchar(64),
                "unionid" varchar(64),
                "createdAt" datetime(6) NOT NULL DEFAULT (datetime('now')),
                "updatedAt" datetime(6) NOT NULL DEFAULT (datetime('now'))
            )
        `);
        await queryRunner.query(`
            INSERT INTO "users"(
                    "id",
                    "username",
                    "passwordHash",
                    "name",
                    "openid",
                    "unionid",
                    "createdAt",
                    "updatedAt"
                )
            SELECT "id",
                "username",
                "passwordHash",
                "name",
                "openid",
                "unionid",
                "createdAt",
                "updatedAt"
            FROM "temporary_users"
        `);
        await queryRunner.query(`
            DROP TABLE "temporary_users"
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_username" ON "users" ("username")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_openid" ON "users" ("openid")
        `);
    }

}
