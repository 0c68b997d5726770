import { MigrationInterface, QueryRunner } from "typeorm";

export class SchemaIntegrity1796109022423 implements MigrationInterface {
    name = 'SchemaIntegrity1796109022423'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`memberships\`
            ADD \`activeKey\` int NULL DEFAULT '1'
        `);
        await queryRunner.query(`
            ALTER TABLE \`role_grants\`
            ADD \`scopeKey\` varchar(120) NOT NULL DEFAULT ''
        `);
        // Hand-added before the unique keys: fill the new key columns of existing rows, and remove the
        // duplicates that the earlier check-then-insert races could leave (the earliest row stays).
        await queryRunner.query(`
            UPDATE \`memberships\` SET \`activeKey\` = NULL WHERE \`until\` IS NOT NULL
        `);
        await queryRunner.query(`
            UPDATE \`role_grants\` SET \`scopeKey\` = CONCAT(COALESCE(\`cooperativeId\`, ''), '/', COALESCE(\`enterpriseId\`, ''), '/', COALESCE(\`regionId\`, ''))
        `);
        await queryRunner.query(`
            DELETE g FROM \`role_grants\` g JOIN \`role_grants\` k ON k.\`userId\` = g.\`userId\` AND k.\`role\` = g.\`role\` AND k.\`scopeKey\` = g.\`scopeKey\` AND (k.\`createdAt\` < g.\`createdAt\` OR (k.\`createdAt\` = g.\`createdAt\` AND k.\`id\` < g.\`id\`))
        `);
        await queryRunner.query(`
            DELETE m FROM \`memberships\` m JOIN \`memberships\` k ON k.\`cooperativeId\` = m.\`cooperativeId\` AND k.\`enterpriseId\` = m.\`enterpriseId\` AND k.\`activeKey\` = 1 AND m.\`activeKey\` = 1 AND (k.\`createdAt\` < m.\`createdAt\` OR (k.\`createdAt\` = m.\`createdAt\` AND k.\`id\` < m.\`id\`))
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX \`uq_memberships_active\` ON \`memberships\` (\`cooperativeId\`, \`enterpriseId\`, \`activeKey\`)
        `);
        await queryRunner.query(`
            CREATE UNIQUE INDEX \`uq_role_grants_scope\` ON \`role_grants\` (\`userId\`, \`role\`, \`scopeKey\`)
        `);
        await queryRunner.query(`
            ALTER TABLE \`regions\`
            ADD CONSTRAINT \`fk_regions_parent\` FOREIGN KEY (\`parentId\`) REFERENCES \`regions\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`enterprises\`
            ADD CONSTRAINT \`fk_enterprises_region\` FOREIGN KEY (\`regionId\`) REFERENCES \`regions\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`cooperatives\`
            ADD CONSTRAINT \`fk_cooperatives_region\` FOREIGN KEY (\`regionId\`) REFERENCES \`regions\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`cooperatives\`
            ADD CONSTRAINT \`fk_cooperatives_lead_enterprise\` FOREIGN KEY (\`leadEnterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`memberships\`
            ADD CONSTRAINT \`fk_memberships_cooperative\` FOREIGN KEY (\`cooperativeId\`) REFERENCES \`cooperatives\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`memberships\`
            ADD CONSTRAINT \`fk_memberships_enterprise\` FOREIGN KEY (\`enterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`role_grants\`
            ADD CONSTRAINT \`fk_role_grants_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`role_grants\`
            ADD CONSTRAINT \`fk_role_grants_cooperative\` FOREIGN KEY (\`cooperativeId\`) REFERENCES \`cooperatives\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`role_grants\`
            ADD CONSTRAINT \`fk_role_grants_enterprise\` FOREIGN KEY (\`enterpriseId\`) REFERENCES \`enterprises\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`role_grants\`
            ADD CONSTRAINT \`fk_role_grants_region\` FOREIGN KEY (\`regionId\`) REFERENCES \`regions\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`invitations\`
            ADD CONSTRAINT \`fk_invitations_cooperative\` FOREIGN KEY (\`cooperativeId\`) REFERENCES \`cooperatives\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
        await queryRunner.query(`
            ALTER TABLE \`invitations\`
            ADD CONSTRAINT \`fk_invitations_created_by\` FOREIGN KEY (\`createdById\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`invitations\` DROP FOREIGN KEY \`fk_invitations_created_by\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`invitations\` DROP FOREIGN KEY \`fk_invitations_cooperative\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`role_grants\` DROP FOREIGN KEY \`fk_role_grants_region\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`role_grants\` DROP FOREIGN KEY \`fk_role_grants_enterprise\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`role_grants\` DROP FOREIGN KEY \`fk_role_grants_cooperative\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`role_grants\` DROP FOREIGN KEY \`fk_role_grants_user\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`memberships\` DROP FOREIGN KEY \`fk_memberships_enterprise\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`memberships\` DROP FOREIGN KEY \`fk_memberships_cooperative\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`cooperatives\` DROP FOREIGN KEY \`fk_cooperatives_lead_enterprise\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`cooperatives\` DROP FOREIGN KEY \`fk_cooperatives_region\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`enterprises\` DROP FOREIGN KEY \`fk_enterprises_region\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`regions\` DROP FOREIGN KEY \`fk_regions_parent\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_role_grants_scope\` ON \`role_grants\`
        `);
        await queryRunner.query(`
            DROP INDEX \`uq_memberships_active\` ON \`memberships\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`role_grants\` DROP COLUMN \`scopeKey\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`memberships\` DROP COLUMN \`activeKey\`
        `);
    }

}
