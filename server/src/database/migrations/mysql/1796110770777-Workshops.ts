import { MigrationInterface, QueryRunner } from "typeorm";

export class Workshops1796110770777 implements MigrationInterface {
    name = 'Workshops1796110770777'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`workshops\` (
                \`id\` varchar(36) NOT NULL,
                \`enterpriseId\` varchar(36) NOT NULL,
                \`name\` varchar(60) NOT NULL,
                \`location\` varchar(120) NOT NULL DEFAULT '',
                \`responsiblePerson\` varchar(40) NOT NULL DEFAULT '',
                \`riskLevel\` varchar(8) NOT NULL,
                \`lecL10\` int NULL,
                \`lecE10\` int NULL,
                \`lecC\` int NULL,
                \`qrToken\` varchar(32) NOT NULL,
                \`manualCode\` varchar(8) NOT NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`uq_workshops_qr_token\` (\`qrToken\`),
                UNIQUE INDEX \`uq_workshops_manual_code\` (\`manualCode\`),
                INDEX \`ix_workshops_enterprise\` (\`enterpriseId\`, \`name\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`files\` (
                \`id\` varchar(36) NOT NULL,
                \`storageKey\` varchar(64) NOT NULL,
                \`thumbKey\` varchar(64) NULL,
                \`mime\` varchar(32) NOT NULL,
                \`size\` int NOT NULL,
                \`width\` int NULL,
                \`height\` int NULL,
                \`uploadedById\` varchar(36) NOT NULL,
                \`enterpriseId\` varchar(36) NULL,
                \`workshopId\` varchar(36) NULL,
                \`inspectionId\` varchar(36) NULL,
                \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                UNIQUE INDEX \`uq_files_storage_key\` (\`storageKey\`),
                INDEX \`ix_files_uploader\` (\`uploadedById\`, \`createdAt\`),
                PRIMARY KEY (\`id\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            CREATE TABLE \`workshop_retired_codes\` (
                \`code\` varchar(32) NOT NULL,
                \`workshopId\` varchar(36) NOT NULL,
                \`retiredAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
                PRIMARY KEY (\`code\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshops\`
            ADD CONSTRAINT \`fk_workshops_enterprise\` FOREIGN KEY (\`enterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`files\`
            ADD CONSTRAINT \`fk_files_uploaded_by\` FOREIGN KEY (\`uploadedById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`files\`
            ADD CONSTRAINT \`fk_files_enterprise\` FOREIGN KEY (\`enterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`files\`
            ADD CONSTRAINT \`fk_files_workshop\` FOREIGN KEY (\`workshopId\`) REFERENCES \`workshops\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshop_retired_codes\`
            ADD CONSTRAINT \`fk_workshop_retired_codes_workshop\` FOREIGN KEY (\`workshopId\`) REFERENCES \`workshops\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`workshop_retired_codes\` DROP FOREIGN KEY \`fk_workshop_retired_codes_workshop\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`files\` DROP FOREIGN KEY \`fk_files_workshop\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`files\` DROP FOREIGN KEY \`fk_files_enterprise\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`files\` DROP FOREIGN KEY \`fk_files_uploaded_by\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`workshops\` DROP FOREIGN KEY \`fk_workshops_enterprise\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshop_retired_codes\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_files_uploader\` ON \`files\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_files_storage_key\` ON \`files\`
        `);
        await queryRunner.query(`
            DROP TABLE \`files\`
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_workshops_enterprise\` ON \`workshops\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_workshops_manual_code\` ON \`workshops\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_workshops_qr_token\` ON \`workshops\`
        `);
        await queryRunner.query(`
            DROP TABLE \`workshops\`
        `);
    }

}
