#!/usr/bin/env node
// `npm test`: every suite, in one command.
//  1. builds dist/weapp and dist/h5 if missing (the weapp and browser suites load them);
//  2. jest: unit, API on SQLite, weapp (miniprogram-simulate), browser (headless Chromium);
//  3. the API suite again on MariaDB, plus the migration check, when a server is configured
//     (TEST_DB_HOST / DB_HOST, or CI). Skips say so loudly; under CI=true a skip is a failure.
const { spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const net = require('node:net');

const root = join(__dirname, '..');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const extraArgs = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function step(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (res.status !== 0) failedSteps.push(label);
  return res.status === 0;
}

function jest(label, args, env) {
  const out = join(root, 'dist', 'test-results', `${label.replace(/\W+/g, '-')}.json`);
  mkdirSync(join(root, 'dist', 'test-results'), { recursive: true });
  step(label, process.execPath, [require.resolve('jest/bin/jest'), '--json', `--outputFile=${out}`, ...args, ...extraArgs], env);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += r.numPassedTests;
    totals.failed += r.numFailedTests;
    totals.skipped += r.numPendingTests + r.numTodoTests;
  }
}

function reachable(host, port) {
  return new Promise((resolve) => {
    const s = net.connect({ host, port, timeout: 1500 }, () => {
      s.end();
      resolve(true);
    });
    s.on('error', () => resolve(false));
    s.on('timeout', () => {
      s.destroy();
      resolve(false);
    });
  });
}

/** Sets the database server's global time zone; returns the previous one (null if it could not). */
async function globalTimeZone(host, port, zone) {
  const mysql = require('mysql2/promise');
  try {
    const conn = await mysql.createConnection({
      host,
      port,
      user: process.env.TEST_DB_USER || process.env.DB_USER || 'root',
      password: process.env.TEST_DB_PASSWORD || process.env.DB_PASSWORD || '',
    });
    const [[row]] = await conn.query('SELECT @@global.time_zone AS zone');
    await conn.query('SET GLOBAL time_zone = ?', [zone]);
    await conn.end();
    return row.zone;
  } catch (err) {
    console.warn(`!!! could not set the database's global time zone to ${zone}: ${err.message}`);
    return null;
  }
}

async function main() {
  const taro = require.resolve('@tarojs/cli/bin/taro');
  if (!existsSync(join(root, 'dist', 'weapp', 'app.js'))) step('build weapp (missing)', process.execPath, [taro, 'build', '--type', 'weapp']);
  if (!existsSync(join(root, 'dist', 'h5', 'index.html'))) step('build h5 (missing)', process.execPath, [taro, 'build', '--type', 'h5']);

  jest('unit + API (SQLite) + weapp + browser', []);

  const host = process.env.TEST_DB_HOST || process.env.DB_HOST || '127.0.0.1';
  const port = Number(process.env.TEST_DB_PORT || process.env.DB_PORT || 3306);
  const wanted = ci || !!process.env.TEST_DB_HOST || ['mysql', 'mariadb'].includes(process.env.DB_TYPE || '');
  if (wanted || (await reachable(host, port))) {
    if (!(await reachable(host, port))) {
      console.error(`\n!!! MariaDB/MySQL at ${host}:${port} is not reachable: the MySQL suite cannot run.`);
      failedSteps.push('MariaDB suite (server unreachable)');
    } else {
      // Cloud MySQL in China commonly runs at +08:00: the whole suite runs with the server's global zone
      // there, to prove that the app's sessions (pinned to UTC) store and read times right anyway.
      const zone = await globalTimeZone(host, port, '+08:00');
      try {
        jest(`API on MariaDB ${host}:${port} (global time_zone +08:00)`, ['--selectProjects', 'api'], { TEST_DB: 'mariadb' });
      } finally {
        if (zone !== null) await globalTimeZone(host, port, zone);
      }
      step('migrations match entities (MariaDB)', process.execPath, [join(root, 'scripts', 'migration.js'), 'check']);
    }
  } else {
    console.warn(`\n!!! SKIPPED: the API suite on MariaDB — no server at ${host}:${port}.`);
    console.warn('!!! Start MariaDB (see README) or set TEST_DB_HOST to run it. CI always runs it.');
  }

  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  if (failedSteps.length) {
    console.error(`failed steps: ${failedSteps.join('; ')}`);
    process.exit(1);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
