#!/usr/bin/env node
// Migrations for both databases, from the same entities:
//   generate NAME  — writes server/src/database/migrations/{mysql,sqlite}/<timestamp>-NAME.ts (one timestamp);
//   check          — on a scratch MySQL/MariaDB database and a scratch SQLite file: run the committed
//                    migrations, then generating must find nothing.
// MySQL/MariaDB needs a server (DB_HOST, DB_PORT, DB_USER, DB_PASSWORD); SQLite needs nothing.
const { execFileSync } = require('node:child_process');
const { mkdtempSync, rmSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..');
const cli = join(root, 'node_modules', 'typeorm', 'cli-ts-node-commonjs.js');
const dataSource = join(root, 'server', 'src', 'database', 'cli-data-source.ts');
const [cmd, name] = process.argv.slice(2);

async function withScratchMysql(fn) {
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
    const type = ['mysql', 'mariadb'].includes(process.env.DB_TYPE) ? process.env.DB_TYPE : 'mariadb';
    return await fn({ ...process.env, DB_TYPE: type, DB_NAME: db });
  } finally {
    await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
    await conn.end();
  }
}

async function withScratchSqlite(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'anquan-migcheck-'));
  try {
    return await fn({ ...process.env, DB_TYPE: 'sqlite', DB_PATH: join(dir, 'scratch.sqlite') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const DIALECTS = [
  { dir: 'mysql', label: 'MySQL/MariaDB', scratch: withScratchMysql },
  { dir: 'sqlite', label: 'SQLite', scratch: withScratchSqlite },
];

const run = (args, env) =>
  execFileSync(process.execPath, [cli, ...args, '-d', dataSource], { cwd: root, env, stdio: 'pipe', encoding: 'utf8' });

async function generate() {
  if (!name || !/^[A-Za-z][A-Za-z0-9]*$/.test(name)) throw new Error('usage: npm run migration:generate -- Name');
  // One timestamp for both files, so the two sets stay in step.
  const timestamp = String(Date.now());
  for (const d of DIALECTS) {
    await d.scratch(async (env) => {
      run(['migration:run'], env);
      try {
        const out = run(['migration:generate', join('server', 'src', 'database', 'migrations', d.dir, name), '--pretty', '-t', timestamp], env);
        process.stdout.write(`${d.label}: ${out}`);
      } catch (err) {
        const out = `${err.stdout || ''}${err.stderr || ''}`;
        if (!/No changes in database schema were found/.test(out)) throw err;
        console.log(`${d.label}: no changes`);
      }
    });
  }
}

async function check() {
  let drift = false;
  for (const d of DIALECTS) {
    await d.scratch(async (env) => {
      run(['migration:run'], env);
      try {
        const out = run(['migration:generate', join(root, 'dist', 'migration-check', 'Drift'), '--dryrun'], env);
        // --dryrun exits 0 when it printed a migration: that is drift.
        console.error(`${d.label}: migrations do not match the entities: run npm run migration:generate -- Name\n${out}`);
        drift = true;
      } catch (err) {
        const out = `${err.stdout || ''}${err.stderr || ''}`;
        if (!/No changes in database schema were found/.test(out)) throw err;
        console.log(`${d.label}: migrations match the entities: no changes found`);
      }
    });
  }
  if (drift) process.exitCode = 1;
}

async function main() {
  if (cmd === 'generate') await generate();
  else if (cmd === 'check') await check();
  else throw new Error('usage: node scripts/migration.js generate NAME | check');
}

main().catch((err) => {
  console.error(err.stdout || '', err.stderr || '', err.message);
  process.exit(1);
});
