#!/usr/bin/env node
// Generates a MySQL/MariaDB migration from the entities (`generate NAME`), or checks that the entities
// and the committed migrations agree (`check`: migrate a scratch database, then generating must find nothing).
const { execFileSync } = require('node:child_process');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cli = join(root, 'node_modules', 'typeorm', 'cli-ts-node-commonjs.js');
const dataSource = join(root, 'server', 'src', 'database', 'cli-data-source.ts');
const [cmd, name] = process.argv.slice(2);

async function withScratchDb(fn) {
  const mysql = require('mysql2/promise');
  const opts = {
    host: process.env.DB_HOST || '127.0.0.1',
    port: Number(process.env.DB_PORT || 3306),
    user: process.env.DB_USER || 'root',
    password: process.env.DB_PASSWORD || '',
  };
  const db = `anquan_migcheck_${process.pid}`;
  const conn = await mysql.createConnection(opts);
  await conn.query(`CREATE DATABASE \`${db}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    return await fn({ ...process.env, DB_TYPE: process.env.DB_TYPE || 'mariadb', DB_NAME: db });
  } finally {
    await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await conn.end();
  }
}

const run = (args, env) =>
  execFileSync(process.execPath, [cli, ...args, '-d', dataSource], { cwd: root, env, stdio: 'pipe', encoding: 'utf8' });

async function main() {
  if (cmd === 'generate') {
    if (!name) throw new Error('usage: npm run migration:generate -- Name');
    await withScratchDb(async (env) => {
      run(['migration:run'], env);
      const out = run(['migration:generate', join('server', 'src', 'database', 'migrations', 'mysql', name), '--pretty'], env);
      process.stdout.write(out);
    });
  } else if (cmd === 'check') {
    await withScratchDb(async (env) => {
      run(['migration:run'], env);
      try {
        run(['migration:generate', join(root, 'dist', 'migration-check', 'Drift'), '--dryrun'], env);
      } catch (err) {
        const out = `${err.stdout || ''}${err.stderr || ''}`;
        if (/No changes in database schema were found/.test(out)) {
          console.log('migrations match the entities: no changes found');
          return;
        }
        throw err;
      }
      // --dryrun exits 0 when it printed a migration: that is drift.
      console.error('migrations do not match the entities: run npm run migration:generate -- Name');
      process.exitCode = 1;
    });
  } else {
    throw new Error('usage: node scripts/migration.js generate NAME | check');
  }
}

main().catch((err) => {
  console.error(err.stdout || '', err.stderr || '', err.message);
  process.exit(1);
});
