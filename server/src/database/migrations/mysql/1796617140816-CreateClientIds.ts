import { MigrationInterface, QueryRunner } from "typeorm";

export class CreateClientIds1796617140816 implements MigrationInterface {
    name = 'CreateClientIds1796617140816'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`notices\`
            ADD \`clientId\` varchar(36) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`activities\`
            ADD \`clientId\` varchar(36) NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX \`uq_notices_client\` ON \`notices\` (\`publishedById\`, \`clientId\`)
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX \`uq_activities_client\` ON \`activities\` (\`organiserId\`, \`clientId\`)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX \`uq_activities_client\` ON \`activities\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_notices_client\` ON \`notices\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`activities\` DROP COLUMN \`clientId\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notices\` DROP COLUMN \`clientId\`
        `);
    }

}
