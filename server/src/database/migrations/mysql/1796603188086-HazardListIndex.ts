import { MigrationInterface, QueryRunner } from "typeorm";

export class HazardListIndex1796603188086 implements MigrationInterface {
    name = 'HazardListIndex1796603188086'

    // create before drop: MySQL refuses to drop the only index behind fk_hazards_enterprise
    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX \`ix_hazards_enterprise_list\` ON \`hazards\` (
                \`enterpriseId\`,
                \`status\`,
                \`deadline\`,
                \`level\`,
                \`inspectionId\`
            )
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_hazards_enterprise\` ON \`hazards\`
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE INDEX \`ix_hazards_enterprise\` ON \`hazards\` (\`enterpriseId\`, \`status\`, \`deadline\`)
        `);
        await queryRunner.query(`
            DROP INDEX \`ix_hazards_enterprise_list\` ON \`hazards\`
        `);
    }

}
