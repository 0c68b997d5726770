import { MigrationInterface, QueryRunner } from "typeorm";

export class Notices1796600362563 implements MigrationInterface {
    name = 'Notices1796600362563'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`notices\` (
                \`id\` varchar(36) NOT NULL,
                \`category\` varchar(12) NOT NULL,
                \`title\` varchar(80) NOT NULL,
                \`body\` text NOT NULL,
                \`attachmentIds\` text NOT NULL,
                \`cooperativeId\` varchar(36) NULL,
                \`regionId\` varchar(36) NULL,
                \`publishedById\` varchar(36) NOT NULL,
                \`version\` int NOT NULL DEFAULT '1',
                \`publishedAt\` datetime(6) NOT NULL,
                \`reminderRound\` int NOT NULL DEFAULT '0',
                \`remindedAt\` datetime(6) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`ix_notices_region\` (\`regionId\`, \`publishedAt\`),
                INDEX \`ix_notices_coop\` (\`cooperativeId\`, \`publishedAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`notice_recipients\` (
                \`id\` varchar(36) NOT NULL,
                \`noticeId\` varchar(36) NOT NULL,
                \`userId\` varchar(36) NOT NULL,
                \`enterpriseId\` varchar(36) NULL,
                INDEX \`ix_notice_recipients_user\` (\`userId\`),
                UNIQUE INDEX \`uq_notice_recipients\` (\`noticeId\`, \`userId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`notice_acks\` (
                \`id\` varchar(36) NOT NULL,
                \`noticeId\` varchar(36) NOT NULL,
                \`userId\` varchar(36) NOT NULL,
                \`version\` int NOT NULL,
                \`at\` datetime(6) NOT NULL,
                UNIQUE INDEX \`uq_notice_acks\` (\`noticeId\`, \`userId\`, \`version\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`notices\`
            ADD CONSTRAINT \`fk_notices_cooperative\` FOREIGN KEY (\`cooperativeId\`) REFERENCES \`cooperatives\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`notices\`
            ADD CONSTRAINT \`fk_notices_region\` FOREIGN KEY (\`regionId\`) REFERENCES \`regions\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`notices\`
            ADD CONSTRAINT \`fk_notices_publisher\` FOREIGN KEY (\`publishedById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`notice_recipients\`
            ADD CONSTRAINT \`fk_notice_recipients_notice\` FOREIGN KEY (\`noticeId\`) REFERENCES \`notices\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`notice_recipients\`
            ADD CONSTRAINT \`fk_notice_recipients_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`notice_recipients\`
            ADD CONSTRAINT \`fk_notice_recipients_enterprise\` FOREIGN KEY (\`enterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`notice_acks\`
            ADD CONSTRAINT \`fk_notice_acks_notice\` FOREIGN KEY (\`noticeId\`) REFERENCES \`notices\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`notice_acks\`
            ADD CONSTRAINT \`fk_notice_acks_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`notice_acks\` DROP FOREIGN KEY \`fk_notice_acks_user\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notice_acks\` DROP FOREIGN KEY \`fk_notice_acks_notice\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notice_recipients\` DROP FOREIGN KEY \`fk_notice_recipients_enterprise\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notice_recipients\` DROP FOREIGN KEY \`fk_notice_recipients_user\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notice_recipients\` DROP FOREIGN KEY \`fk_notice_recipients_notice\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notices\` DROP FOREIGN KEY \`fk_notices_publisher\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notices\` DROP FOREIGN KEY \`fk_notices_region\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notices\` DROP FOREIGN KEY \`fk_notices_cooperative\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_notice_acks\` ON \`notice_acks\`
        `);
        await queryRunner.query(`
            DROP TABLE \`notice_acks\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_notice_recipients\` ON \`notice_recipients\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_notice_recipients_user\` ON \`notice_recipients\`
        `);
        await queryRunner.query(`
            DROP TABLE \`notice_recipients\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_notices_coop\` ON \`notices\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_notices_region\` ON \`notices\`
        `);
        await queryRunner.query(`
            DROP TABLE \`notices\`
        `);
    }

}
