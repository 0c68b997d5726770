import { MigrationInterface, QueryRunner } from "typeorm";

export class InvitationForeignKeys1796109386064 implements MigrationInterface {
    name = 'InvitationForeignKeys1796109386064'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`invitations\`
            ADD CONSTRAINT \`fk_invitations_enterprise\` FOREIGN KEY (\`enterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`invitations\` DROP FOREIGN KEY \`fk_invitations_enterprise\`
        `);
    }

}
