import { MigrationInterface, QueryRunner } from "typeorm";

export class UserPhone1796108951283 implements MigrationInterface {
    name = 'UserPhone1796108951283'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`users\`
            ADD \`phone\` varchar(20) NULL
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`users\` DROP COLUMN \`phone\`
        `);
    }

}
