import { MigrationInterface, QueryRunner } from "typeorm";

export class HazardEventClientIndex1796602978209 implements MigrationInterface {
    name = 'HazardEventClientIndex1796602978209'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX \`IDX_a714961750903b432bb75bd291\` ON \`hazard_events\`
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE UNIQUE INDEX \`IDX_a714961750903b432bb75bd291\` ON \`hazard_events\` (\`clientId\`)
        `);
    }

}
