import { MigrationInterface, QueryRunner } from "typeorm";

export class PushOutbox1796600264439 implements MigrationInterface {
    name = 'PushOutbox1796600264439'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            CREATE TABLE \`push_subscriptions\` (
                \`userId\` varchar(36) NOT NULL,
                \`templateId\` varchar(64) NOT NULL,
                \`quota\` int NOT NULL DEFAULT '0',
                \`enabled\` tinyint NOT NULL DEFAULT 1,
                \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6),
                PRIMARY KEY (\`userId\`, \`templateId\`)
            ) ENGINE = InnoDB
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\`
            ADD \`pushClaimedBy\` varchar(80) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\`
            ADD \`pushClaimedAt\` datetime(6) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\`
            ADD \`pushNextAt\` datetime(6) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\`
            ADD \`pushErrcode\` int NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\`
            ADD \`pushReason\` varchar(40) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\`
            ADD \`pushTemplateId\` varchar(64) NULL
        `);
        await queryRunner.query(`
            ALTER TABLE \`push_subscriptions\`
            ADD CONSTRAINT \`fk_push_subscriptions_user\` FOREIGN KEY (\`userId\`) REFERENCES \`users\`(\`id\`) ON DELETE NO ACTION ON UPDATE NO ACTION
        `);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`
            ALTER TABLE \`push_subscriptions\` DROP FOREIGN KEY \`fk_push_subscriptions_user\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\` DROP COLUMN \`pushTemplateId\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\` DROP COLUMN \`pushReason\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\` DROP COLUMN \`pushErrcode\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\` DROP COLUMN \`pushNextAt\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\` DROP COLUMN \`pushClaimedAt\`
        `);
        await queryRunner.query(`
            ALTER TABLE \`notifications\` DROP COLUMN \`pushClaimedBy\`
        `);
        await queryRunner.query(`
            DROP TABLE \`push_subscriptions\`
        `);
    }

}
