#!/usr/bin/env node
// `npm run bench`: figures, never pass/fail. Writes bench/results/latest.json and prints a table.
// Measures: weapp package sizes, h5 bundle size, cold start of `npm start` (built, fresh database with
// demo seed), directory API throughput, the directory read benchmark on MariaDB against a bare
// node:http + mysql2 server (bench/directory.js; --no-db skips it), the hazard list and the ledger export the
// same way (bench/hazards.js), the unit + API test-suite time, and
// with --install `npm ci`.
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join, relative } = require('node:path');

const { directoryBench } = require('../bench/directory');
const { hazardsBench } = require('../bench/hazards');
const { inspectionBench } = require('../bench/inspection');
const { photoBench } = require('../bench/photo');

const root = join(__dirname, '..');
const out = join(root, 'bench', 'results');
const results = { at: new Date().toISOString(), node: process.version, figures: {} };
const fig = (name, value, unit) => {
  results.figures[name] = { value, unit };
  console.log(`${name.padEnd(44)} ${String(value).padStart(12)} ${unit}`);
};

function dirSize(dir, skip = () => false) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (skip(relative(root, p))) continue;
    total += e.isDirectory() ? dirSize(p, skip) : statSync(p).size;
  }
  return total;
}
const kb = (bytes) => Math.round(bytes / 102.4) / 10;

function ensureBuilt() {
  const taro = require.resolve('@tarojs/cli/bin/taro');
  for (const [type, marker] of [['weapp', 'app.js'], ['h5', 'index.html']]) {
    if (!existsSync(join(root, 'dist', type, marker))) spawnSync(process.execPath, [taro, 'build', '--type', type], { cwd: root, stdio: 'inherit' });
  }
  // Always recompile the server: a stale dist would measure yesterday's code.
  {
    spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'server/tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
  }
}

function sizes() {
  const weapp = join(root, 'dist', 'weapp');
  fig('weapp main package (excl. subpackages)', kb(dirSize(weapp, (p) => p.startsWith('dist/weapp/packages'))), 'KB');
  const pk = join(weapp, 'packages');
  if (existsSync(pk)) for (const d of readdirSync(pk)) fig(`weapp subpackage ${d}`, kb(dirSize(join(pk, d))), 'KB');
  fig('weapp total', kb(dirSize(weapp)), 'KB');
  const h5 = join(root, 'dist', 'h5');
  // the build writes .br/.gz copies beside each text asset: count them apart, as what goes over the wire
  const copies = (p) => /\.(br|gz)$/.test(p);
  fig('h5 total', kb(dirSize(h5, copies)), 'KB');
  const js = join(h5, 'js');
  if (existsSync(js)) {
    fig('h5 JavaScript', kb(dirSize(js, copies)), 'KB');
    fig('h5 JavaScript, brotli (sent to browsers)', kb(dirSize(js, (p) => statSync(join(root, p)).isFile() && !p.endsWith('.br'))), 'KB');
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function coldStart() {
  const dir = mkdtempSync(join(tmpdir(), 'anquan-bench-'));
  const port = 3700 + Math.floor(Math.random() * 200);
  const t0 = Date.now();
  const child = spawn(process.execPath, [join(root, 'scripts', 'start.js')], {
    cwd: root,
    env: { ...process.env, PORT: String(port), DB_PATH: join(dir, 'bench.sqlite'), WECHAT_SIM_PORT: String(port + 300), LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  let ready = 0;
  while (Date.now() - t0 < 120_000) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.ok) {
        ready = Date.now() - t0;
        break;
      }
    } catch {
      // not listening yet
    }
    await sleep(50);
  }
  fig('npm start cold start (built, empty db + demo seed)', ready, 'ms');
  if (ready) await throughput(port);
  child.kill('SIGTERM');
  await sleep(300);
}

async function throughput(port) {
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-lead', password: 'demo-pass-2026' }),
  }).then((r) => r.json());
  const headers = { authorization: `Bearer ${login.token}` };
  const coops = await fetch(`${base}/api/cooperatives`, { headers }).then((r) => r.json());
  const url = `${base}/api/enterprises?cooperativeId=${coops.items[0].id}&pageSize=20`;
  const total = 1000;
  const concurrency = 10;
  let next = 0;
  const lat = [];
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        const t = performance.now();
        await fetch(url, { headers }).then((r) => r.arrayBuffer());
        lat.push(performance.now() - t);
      }
    }),
  );
  const secs = (Date.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  fig('directory page (20 rows), SQLite, 10 concurrent', Math.round(total / secs), 'req/s');
  fig('directory page p95 latency', Math.round(lat[Math.floor(lat.length * 0.95)] * 10) / 10, 'ms');
}

function testTime() {
  const t0 = Date.now();
  const res = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--selectProjects', 'unit', 'api', '--silent'], { cwd: root, stdio: 'ignore' });
  fig(`unit + API tests on SQLite (exit ${res.status})`, Math.round((Date.now() - t0) / 100) / 10, 's');
}

/** `--install`: time `npm ci` in a fresh clone of HEAD (uses the npm cache, as a developer's machine would). */
function installTime() {
  const dir = mkdtempSync(join(tmpdir(), 'anquan-install-'));
  spawnSync('git', ['clone', '-q', root, dir], { stdio: 'ignore' });
  const t0 = Date.now();
  const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' });
  fig(`npm ci in a fresh clone (exit ${res.status})`, Math.round((Date.now() - t0) / 100) / 10, 's');
  spawnSync('rm', ['-rf', dir]);
}

async function main() {
  if (process.argv.includes('--install')) installTime();
  ensureBuilt();
  sizes();
  await coldStart();
  if (!process.argv.includes('--no-db')) await directoryBench(fig);
  if (!process.argv.includes('--no-db')) await inspectionBench(fig);
  if (!process.argv.includes('--no-db')) await hazardsBench(fig);
  await photoBench(fig);
  if (!process.argv.includes('--no-tests')) testTime();
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nwritten to ${relative(root, join(out, 'latest.json'))}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
