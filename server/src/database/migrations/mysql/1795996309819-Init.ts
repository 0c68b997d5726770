import { MigrationInterface, QueryRunner } from "typeorm";

export class Init1795996309819 implements MigrationInterface {
    name = 'Init1795996309819'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`cooperatives\` (
                \`id\` varchar(36) NOT NULL,
                \`name\` varchar(80) NOT NULL,
                \`regionId\` varchar(36) NOT NULL,
                \`industry\` varchar(40) NOT NULL,
                \`leadEnterpriseId\` varchar(36) NULL,
                \`foundedOn\` date NULL,
                \`description\` varchar(500) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`ix_cooperatives_region\` (\`regionId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`enterprises\` (
                \`id\` varchar(36) NOT NULL,
                \`name\` varchar(100) NOT NULL,
                \`creditCode\` varchar(18) NOT NULL,
                \`industry\` varchar(40) NOT NULL,
                \`address\` varchar(200) NOT NULL,
                \`headcount\` int NOT NULL,
                \`contactName\` varchar(40) NOT NULL,
                \`contactPhone\` varchar(20) NOT NULL,
                \`regionId\` varchar(36) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`uq_enterprises_credit_code\` (\`creditCode\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`invitations\` (
                \`id\` varchar(36) NOT NULL,
                \`code\` varchar(8) NOT NULL,
                \`cooperativeId\` varchar(36) NOT NULL,
                \`createdById\` varchar(36) NOT NULL,
                \`expiresAt\` datetime(6) NOT NULL,
                \`maxUses\` int NOT NULL,
                \`uses\` int NOT NULL DEFAULT '0',
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`uq_invitations_code\` (\`code\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`memberships\` (
                \`id\` varchar(36) NOT NULL,
                \`cooperativeId\` varchar(36) NOT NULL,
                \`enterpriseId\` varchar(36) NOT NULL,
                \`since\` date NOT NULL,
                \`until\` date NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`ix_memberships_enterprise\` (\`enterpriseId\`),
                INDEX \`ix_memberships_coop\` (\`cooperativeId\`, \`until\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`regions\` (
                \`id\` varchar(36) NOT NULL,
                \`name\` varchar(60) NOT NULL,
                \`level\` varchar(16) NOT NULL,
                \`parentId\` varchar(36) NULL,
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`role_grants\` (
                \`id\` varchar(36) NOT NULL,
                \`userId\` varchar(36) NOT NULL,
                \`role\` varchar(20) NOT NULL,
                \`cooperativeId\` varchar(36) NULL,
                \`enterpriseId\` varchar(36) NULL,
                \`regionId\` varchar(36) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                INDEX \`ix_role_grants_user\` (\`userId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`users\` (
                \`id\` varchar(36) NOT NULL,
                \`username\` varchar(64) NULL,
                \`passwordHash\` varchar(255) NULL,
                \`name\` varchar(40) NOT NULL,
                \`openid\` varchar(64) NULL,
                \`unionid\` varchar(64) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`uq_users_username\` (\`username\`),
                UNIQUE INDEX \`uq_users_openid\` (\`openid\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`wechat_access_token\` (
                \`appid\` varchar(64) NOT NULL,
                \`token\` varchar(1024) NOT NULL,
                \`expiresAt\` datetime(3) NOT NULL,
                \`updatedAt\` datetime(3) NOT NULL,
                PRIMARY KEY (\`appid\`)
            ) ENGINE = InnoDB
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP TABLE \`wechat_access_token\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_users_openid\` ON \`users\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_users_username\` ON \`users\`
        `);
        await queryRunner.query(`
            DROP TABLE \`users\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_role_grants_user\` ON \`role_grants\`
        `);
        await queryRunner.query(`
            DROP TABLE \`role_grants\`
        `);
        await queryRunner.query(`
            DROP TABLE \`regions\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_memberships_coop\` ON \`memberships\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_memberships_enterprise\` ON \`memberships\`
        `);
        await queryRunner.query(`
            DROP TABLE \`memberships\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_invitations_code\` ON \`invitations\`
        `);
        await queryRunner.query(`
            DROP TABLE \`invitations\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_enterprises_credit_code\` ON \`enterprises\`
        `);
        await queryRunner.query(`
            DROP TABLE \`enterprises\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_cooperatives_region\` ON \`cooperatives\`
        `);
        await queryRunner.query(`
            DROP TABLE \`cooperatives\`
        `);
    }

}
