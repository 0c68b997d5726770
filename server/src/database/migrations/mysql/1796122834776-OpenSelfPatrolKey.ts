import { MigrationInterface, QueryRunner } from "typeorm";

export class OpenSelfPatrolKey1796122834776 implements MigrationInterface {
    name = 'OpenSelfPatrolKey1796122834776'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`inspections\`
            ADD \`openSelfKey\` varchar(160) NULL
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX \`uq_inspections_open_self\` ON \`inspections\` (\`openSelfKey\`)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX \`uq_inspections_open_self\` ON \`inspections\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`inspections\` DROP COLUMN \`openSelfKey\`
        `);
    }

}
