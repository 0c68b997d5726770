import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795996309819 implements MigrationInterface {
    name = 'Init1795996309819'

    public async up(queryRunner: QueryRunner): Promise<void> {
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
            CREATE INDEX "ix_cooperatives_region" ON "cooperatives" ("regionId")
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
            CREATE UNIQUE INDEX "uq_enterprises_credit_code" ON "enterprises" ("creditCode")
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
            CREATE UNIQUE INDEX "uq_invitations_code" ON "invitations" ("code")
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
            CREATE INDEX "ix_memberships_enterprise" ON "memberships" ("enterpriseId")
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_memberships_coop" ON "memberships" ("cooperativeId", "until")
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
            CREATE INDEX "ix_role_grants_user" ON "role_grants" ("userId")
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
            CREATE UNIQUE INDEX "uq_users_username" ON "users" ("username")
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX "uq_users_openid" ON "users" ("openid")
        `);
        await queryRunner.query(`
            CREATE TABLE "wechat_access_token" (
                "appid" varchar(64) PRIMARY KEY NOT NULL,
                "token" varchar(1024) NOT NULL,
                "expiresAt" datetime(3) NOT NULL,
                "updatedAt" datetime(3) NOT NULL
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE "wechat_access_token"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_users_openid"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_users_username"
        `);
        await queryRunner.query(`
            DROP TABLE "users"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_role_grants_user"
        `);
        await queryRunner.query(`
            DROP TABLE "role_grants"
        `);
        await queryRunner.query(`
            DROP TABLE "regions"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_memberships_coop"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_memberships_enterprise"
        `);
        await queryRunner.query(`
            DROP TABLE "memberships"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_invitations_code"
        `);
        await queryRunner.query(`
            DROP TABLE "invitations"
        `);
        await queryRunner.query(`
            DROP INDEX "uq_enterprises_credit_code"
        `);
        await queryRunner.query(`
            DROP TABLE "enterprises"
        `);
        await queryRunner.query(`
            DROP INDEX "ix_cooperatives_region"
        `);
        await queryRunner.query(`
            DROP TABLE "cooperatives"
        `);
    }

}
