import { MigrationInterface, QueryRunner } from "typeorm";

export class InvitationEnterpriseRevoked1796109107762 implements MigrationInterface {
    name = 'InvitationEnterpriseRevoked1796109107762'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`invitations\`
            ADD \`enterpriseId\` varchar(36) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`invitations\`
            ADD \`revokedAt\` datetime(6) NULL
        `);
        await queryRunner.query(`
            CREATE INDEX \`ix_invitations_coop\` ON \`invitations\` (\`cooperativeId\`, \`createdAt\`)
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            DROP INDEX \`ix_invitations_coop\` ON \`invitations\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`invitations\` DROP COLUMN \`revokedAt\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`invitations\` DROP COLUMN \`enterpriseId\`
        `);
    }

}
