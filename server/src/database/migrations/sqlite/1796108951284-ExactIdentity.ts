import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Usernames are stored in their one normalised spelling (lower case; the API only ever allowed ASCII).
 * SQLite already compares these columns bytewise (BINARY). A row whose lower-case spelling is taken by
 * another row keeps its old spelling (OR IGNORE) and must be renamed by hand: it can no longer log in.
 */
export class ExactIdentity1796108951284 implements MigrationInterface {
  name = 'ExactIdentity1796108951284';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'UPDATE OR IGNORE "users" SET "username" = lower(trim("username")) WHERE "username" IS NOT NULL AND "username" <> lower(trim("username"))',
    );
  }

  public async down(): Promise<void> {
    // Nothing to undo: the old spellings are not kept.
  }
}
