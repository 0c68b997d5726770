import { MigrationInterface, QueryRunner } from "typeorm";

export class Experts1796601165383 implements MigrationInterface {
    name = 'Experts1796601165383'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`expert_profiles\` (
                \`id\` varchar(36) NOT NULL,
                \`userId\` varchar(36) NOT NULL,
                \`field\` varchar(20) NOT NULL,
                \`certificates\` text NOT NULL,
                \`title\` varchar(80) NULL,
                \`regionId\` varchar(36) NULL,
                \`cooperativeId\` varchar(36) NULL,
                \`createdById\` varchar(36) NOT NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`uq_expert_profiles_user\` (\`userId\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`expert_visits\` (
                \`id\` varchar(36) NOT NULL,
                \`inspectionId\` varchar(36) NOT NULL,
                \`expertUserId\` varchar(36) NOT NULL,
                \`enterpriseId\` varchar(36) NOT NULL,
                \`cooperativeId\` varchar(36) NULL,
                \`regionId\` varchar(36) NOT NULL,
                \`scheduledOn\` date NOT NULL,
                \`purpose\` varchar(500) NOT NULL,
                \`advice\` varchar(2000) NULL,
                \`itemAdvice\` text NOT NULL,
                \`followUp\` varchar(500) NULL,
                \`createdById\` varchar(36) NOT NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`uq_expert_visits_inspection\` (\`inspectionId\`),
                INDEX \`ix_expert_visits_coop\` (\`cooperativeId\`, \`scheduledOn\`),
                INDEX \`ix_expert_visits_enterprise\` (\`enterpriseId\`, \`scheduledOn\`),
                INDEX \`ix_expert_visits_expert\` (\`expertUserId\`, \`scheduledOn\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_profiles\`
            ADD CONSTRAINT \`fk_expert_profiles_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_profiles\`
            ADD CONSTRAINT \`fk_expert_profiles_region\` FOREIGN KEY (\`regionId\`) REFERENCES \`regions\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_profiles\`
            ADD CONSTRAINT \`fk_expert_profiles_cooperative\` FOREIGN KEY (\`cooperativeId\`) REFERENCES \`cooperatives\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_profiles\`
            ADD CONSTRAINT \`fk_expert_profiles_created_by\` FOREIGN KEY (\`createdById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\`
            ADD CONSTRAINT \`fk_expert_visits_inspection\` FOREIGN KEY (\`inspectionId\`) REFERENCES \`inspections\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\`
            ADD CONSTRAINT \`fk_expert_visits_expert\` FOREIGN KEY (\`expertUserId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\`
            ADD CONSTRAINT \`fk_expert_visits_enterprise\` FOREIGN KEY (\`enterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\`
            ADD CONSTRAINT \`fk_expert_visits_cooperative\` FOREIGN KEY (\`cooperativeId\`) REFERENCES \`cooperatives\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\`
            ADD CONSTRAINT \`fk_expert_visits_region\` FOREIGN KEY (\`regionId\`) REFERENCES \`regions\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\`
            ADD CONSTRAINT \`fk_expert_visits_created_by\` FOREIGN KEY (\`createdById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\` DROP FOREIGN KEY \`fk_expert_visits_created_by\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\` DROP FOREIGN KEY \`fk_expert_visits_region\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\` DROP FOREIGN KEY \`fk_expert_visits_cooperative\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\` DROP FOREIGN KEY \`fk_expert_visits_enterprise\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\` DROP FOREIGN KEY \`fk_expert_visits_expert\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_visits\` DROP FOREIGN KEY \`fk_expert_visits_inspection\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_profiles\` DROP FOREIGN KEY \`fk_expert_profiles_created_by\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_profiles\` DROP FOREIGN KEY \`fk_expert_profiles_cooperative\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_profiles\` DROP FOREIGN KEY \`fk_expert_profiles_region\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`expert_profiles\` DROP FOREIGN KEY \`fk_expert_profiles_user\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_expert_visits_expert\` ON \`expert_visits\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_expert_visits_enterprise\` ON \`expert_visits\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_expert_visits_coop\` ON \`expert_visits\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_expert_visits_inspection\` ON \`expert_visits\`
        `);
        await queryRunner.query(`
            DROP TABLE \`expert_visits\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_expert_profiles_user\` ON \`expert_profiles\`
        `);
        await queryRunner.query(`
            DROP TABLE \`expert_profiles\`
        `);
    }

}
