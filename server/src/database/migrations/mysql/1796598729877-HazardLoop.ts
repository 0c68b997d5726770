import { MigrationInterface, QueryRunner } from "typeorm";

export class HazardLoop1796598729877 implements MigrationInterface {
    name = 'HazardLoop1796598729877'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`planResponsible\` varchar(40) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`planMeasures\` varchar(1000) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`planFundsFen\` bigint NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`planDeadline\` date NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`planContingency\` varchar(1000) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`planSubmittedAt\` datetime(6) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`rectMeasures\` varchar(1000) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`rectCostFen\` bigint NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`rectResponsible\` varchar(40) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`rectPhotoIds\` text NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`rectCompletedOn\` date NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`rectSubmittedAt\` datetime(6) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`rectSubmittedById\` varchar(36) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`verifiedById\` varchar(36) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`verifiedAt\` datetime(6) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`extDeadline\` date NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`extReason\` varchar(500) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`extRequestedById\` varchar(36) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD \`extRequestedAt\` datetime(6) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazard_events\`
            ADD \`clientId\` varchar(36) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazard_events\`
            ADD UNIQUE INDEX \`IDX_a714961750903b432bb75bd291\` (\`clientId\`)
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX \`uq_hazard_events_client\` ON \`hazard_events\` (\`clientId\`)
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD CONSTRAINT \`fk_hazards_rect_by\` FOREIGN KEY (\`rectSubmittedById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD CONSTRAINT \`fk_hazards_verified_by\` FOREIGN KEY (\`verifiedById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\`
            ADD CONSTRAINT \`fk_hazards_ext_by\` FOREIGN KEY (\`extRequestedById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP FOREIGN KEY \`fk_hazards_ext_by\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP FOREIGN KEY \`fk_hazards_verified_by\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP FOREIGN KEY \`fk_hazards_rect_by\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_hazard_events_client\` ON \`hazard_events\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazard_events\` DROP INDEX \`IDX_a714961750903b432bb75bd291\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazard_events\` DROP COLUMN \`clientId\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`extRequestedAt\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`extRequestedById\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`extReason\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`extDeadline\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`verifiedAt\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`verifiedById\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`rectSubmittedById\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`rectSubmittedAt\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`rectCompletedOn\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`rectPhotoIds\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`rectResponsible\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`rectCostFen\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`rectMeasures\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`planSubmittedAt\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`planContingency\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`planDeadline\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`planFundsFen\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`planMeasures\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`hazards\` DROP COLUMN \`planResponsible\`
        `);
    }

}
