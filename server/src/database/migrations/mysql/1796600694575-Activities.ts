import { MigrationInterface, QueryRunner } from "typeorm";

export class Activities1796600694575 implements MigrationInterface {
    name = 'Activities1796600694575'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`activities\` (
                \`id\` varchar(36) NOT NULL,
                \`cooperativeId\` varchar(36) NOT NULL,
                \`kind\` varchar(12) NOT NULL,
                \`title\` varchar(100) NOT NULL,
                \`startsAt\` datetime(6) NOT NULL,
                \`endsAt\` datetime(6) NULL,
                \`place\` varchar(200) NOT NULL,
                \`hostName\` varchar(40) NOT NULL,
                \`hostUserId\` varchar(36) NULL,
                \`description\` varchar(2000) NOT NULL,
                \`materialIds\` text NOT NULL,
                \`details\` text NULL,
                \`organiserId\` varchar(36) NOT NULL,
                \`checkinSecret\` varchar(64) NOT NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                INDEX \`ix_activities_coop\` (\`cooperativeId\`, \`startsAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`activity_invitees\` (
                \`id\` varchar(36) NOT NULL,
                \`activityId\` varchar(36) NOT NULL,
                \`userId\` varchar(36) NOT NULL,
                \`enterpriseId\` varchar(36) NULL,
                INDEX \`ix_activity_invitees_user\` (\`userId\`),
                UNIQUE INDEX \`uq_activity_invitees\` (\`activityId\`, \`userId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`activity_checkins\` (
                \`id\` varchar(36) NOT NULL,
                \`activityId\` varchar(36) NOT NULL,
                \`userId\` varchar(36) NOT NULL,
                \`enterpriseId\` varchar(36) NULL,
                \`at\` datetime(6) NOT NULL,
                UNIQUE INDEX \`uq_activity_checkins\` (\`activityId\`, \`userId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`activities\`
            ADD CONSTRAINT \`fk_activities_cooperative\` FOREIGN KEY (\`cooperativeId\`) REFERENCES \`cooperatives\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`activities\`
            ADD CONSTRAINT \`fk_activities_host\` FOREIGN KEY (\`hostUserId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`activities\`
            ADD CONSTRAINT \`fk_activities_organiser\` FOREIGN KEY (\`organiserId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`activity_invitees\`
            ADD CONSTRAINT \`fk_activity_invitees_activity\` FOREIGN KEY (\`activityId\`) REFERENCES \`activities\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`activity_invitees\`
            ADD CONSTRAINT \`fk_activity_invitees_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`activity_invitees\`
            ADD CONSTRAINT \`fk_activity_invitees_enterprise\` FOREIGN KEY (\`enterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`activity_checkins\`
            ADD CONSTRAINT \`fk_activity_checkins_activity\` FOREIGN KEY (\`activityId\`) REFERENCES \`activities\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`activity_checkins\`
            ADD CONSTRAINT \`fk_activity_checkins_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`activity_checkins\`
            ADD CONSTRAINT \`fk_activity_checkins_enterprise\` FOREIGN KEY (\`enterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`activity_checkins\` DROP FOREIGN KEY \`fk_activity_checkins_enterprise\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`activity_checkins\` DROP FOREIGN KEY \`fk_activity_checkins_user\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`activity_checkins\` DROP FOREIGN KEY \`fk_activity_checkins_activity\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`activity_invitees\` DROP FOREIGN KEY \`fk_activity_invitees_enterprise\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`activity_invitees\` DROP FOREIGN KEY \`fk_activity_invitees_user\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`activity_invitees\` DROP FOREIGN KEY \`fk_activity_invitees_activity\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`activities\` DROP FOREIGN KEY \`fk_activities_organiser\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`activities\` DROP FOREIGN KEY \`fk_activities_host\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`activities\` DROP FOREIGN KEY \`fk_activities_cooperative\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_activity_checkins\` ON \`activity_checkins\`
        `);
        await queryRunner.query(`
            DROP TABLE \`activity_checkins\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_activity_invitees\` ON \`activity_invitees\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_activity_invitees_user\` ON \`activity_invitees\`
        `);
        await queryRunner.query(`
            DROP TABLE \`activity_invitees\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_activities_coop\` ON \`activities\`
        `);
        await queryRunner.query(`
            DROP TABLE \`activities\`
        `);
    }

}
