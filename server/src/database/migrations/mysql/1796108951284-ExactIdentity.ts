import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Identity compares bytewise. Usernames are stored in their one normalised spelling (lower case; the API
 * only ever allowed ASCII, and utf8mb4_unicode_ci's unique index already kept case variants apart, so
 * LOWER cannot collide). Then username, openid and unionid get a no-pad binary collation: under the
 * database default (utf8mb4_unicode_ci) 'ädmin' = 'admin', 'straße' = 'strasse', and two openids
 * differing only in case were one account. Hand-written: TypeORM does not diff collations.
 */
export class ExactIdentity1796108951284 implements MigrationInterface {
  name = 'ExactIdentity1796108951284';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const collation = await binaryCollation(queryRunner);
    await queryRunner.query('UPDATE `users` SET `username` = LOWER(TRIM(`username`)) WHERE `username` IS NOT NULL');
    await queryRunner.query(`
      ALTER TABLE \`users\`
        MODIFY \`username\` varchar(64) CHARACTER SET utf8mb4 COLLATE ${collation} NULL,
        MODIFY \`openid\` varchar(64) CHARACTER SET utf8mb4 COLLATE ${collation} NULL,
        MODIFY \`unionid\` varchar(64) CHARACTER SET utf8mb4 COLLATE ${collation} NULL
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE \`users\`
        MODIFY \`username\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
        MODIFY \`openid\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL,
        MODIFY \`unionid\` varchar(64) CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci NULL
    `);
  }
}

/** Binary and NO PAD ('a ' ≠ 'a'): MariaDB calls it utf8mb4_nopad_bin, MySQL 8 utf8mb4_0900_bin. */
async function binaryCollation(queryRunner: QueryRunner): Promise<string> {
  const rows = (await queryRunner.query('SELECT VERSION() AS v')) as { v: string }[];
  return /mariadb/i.test(rows[0]?.v ?? '') ? 'utf8mb4_nopad_bin' : 'utf8mb4_0900_bin';
}
