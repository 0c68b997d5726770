import { MigrationInterface, QueryRunner } from "typeorm";

export class HazardListIndex1796603188086 implements MigrationInterface {
    name = 'HazardListIndex1796603188086'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_hazards_enterprise"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_enterprise_list" ON "hazards" (
                "enterpriseId",
                "status",
                "deadline",
                "level",
                "inspectionId"
            )
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX "ix_hazards_enterprise_list"
        `);
        await queryRunner.query(`
            CREATE INDEX "ix_hazards_enterprise" ON "hazards" ("enterpriseId", "status", "deadline")
        `);
    }

}
