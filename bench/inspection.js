// The inspection-submission benchmark of `npm run bench` (MariaDB): one self patrol's last batch — 50
// item results and 3 hazards (general, major, fix-now) submitted in the same request — so the server
// writes results, findings, hazards with deadlines and their `reported` events in one transaction.
// Through the real server and through bench/inspection-bare.js (node:http + mysql2, same SQL), each
// driven by bench/inspection-load.js in its own process at 10 and 50 connections.
const { spawn } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist', 'server', 'server', 'src');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const LEVELS = [10, 50];

const db = {
  host: process.env.DB_HOST || '127.0.0.1',
  port: Number(process.env.DB_PORT || 3306),
  user: process.env.DB_USER || 'root',
  password: process.env.DB_PASSWORD || '',
};

async function waitFor(url, ms = 60_000) {
  const t0 = Date.now();
  while (Date.now() - t0 < ms) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

function load(base, token, concurrency, seconds, plan) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'inspection-load.js'), base, token, String(concurrency), String(seconds), JSON.stringify(plan)]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.pipe(process.stderr);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`inspection load exited ${code}`))));
  });
}

/**
 * One cooperative, one enterprise with 50 workshops, the person who manages the cooperative, and one safety
 * officer per workshop (each load worker is a different person, as on a real day).
 */
async function seed(env) {
  const { loadConfig } = require(join(dist, 'config', 'config.js'));
  const { dataSourceOptions } = require(join(dist, 'database', 'data-source-options.js'));
  const { hashPassword } = require(join(dist, 'auth', 'password.js'));
  const { DataSource } = require('typeorm');
  const ds = new DataSource({ ...dataSourceOptions(loadConfig(env)), migrationsRun: false });
  await ds.initialize();
  const insert = async (entity, rows) => {
    const repo = ds.getRepository(entity);
    await repo.insert(rows.map((r) => repo.create(r)));
  };
  const region = { id: randomUUID(), name: '基准区', level: 'district', parentId: null };
  await insert('RegionEntity', [region]);
  const ent = {
    id: randomUUID(), name: '基准巡查企业有限公司', creditCode: '91BENCHINSPECT0001', industry: '机械加工', address: '基准路 1 号',
    headcount: 30, contactName: '张三', contactPhone: '13800000000', regionId: region.id,
  };
  await insert('EnterpriseEntity', [ent]);
  const coop = { id: randomUUID(), name: '基准巡查合作社', regionId: region.id, industry: '综合', leadEnterpriseId: ent.id, foundedOn: '2024-01-01', description: null };
  await insert('CooperativeEntity', [coop]);
  await insert('MembershipEntity', [{ id: randomUUID(), cooperativeId: coop.id, enterpriseId: ent.id, since: '2025-03-01', until: null }]);
  const user = { id: randomUUID(), username: 'bench-patrol', name: '基准安全员', passwordHash: await hashPassword('bench-pass-2026') };
  await insert('UserEntity', [user]);
  await insert('RoleGrantEntity', [
    { userId: user.id, role: 'member', cooperativeId: coop.id, enterpriseId: ent.id, regionId: null },
    { userId: user.id, role: 'coop_admin', cooperativeId: coop.id, enterpriseId: null, regionId: null },
  ]);
  const officers = Array.from({ length: Math.max(...LEVELS) }, (_, n) => ({ id: randomUUID(), username: `bench-officer-${n}`, name: `安全员${n + 1}`, passwordHash: user.passwordHash }));
  await insert('UserEntity', officers);
  await insert('RoleGrantEntity', officers.map((o) => ({ userId: o.id, role: 'member', cooperativeId: coop.id, enterpriseId: ent.id, regionId: null })));
  const workshops = Array.from({ length: Math.max(...LEVELS) }, (_, n) => ({
    id: randomUUID(), enterpriseId: ent.id, name: `基准车间${n + 1}`, location: '', responsiblePerson: '', riskLevel: 'yellow',
    lecL10: null, lecE10: null, lecC: null, qrToken: randomBytes(24).toString('base64url'), manualCode: `B${String(n).padStart(6, '0')}`,
  }));
  await insert('WorkshopEntity', workshops);
  await ds.destroy();
  return { coopId: coop.id, workshopIds: workshops.map((w) => w.id), officers: officers.map((o) => o.username) };
}

async function api(base, token, method, path, body) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Runs the benchmark; `fig(name, value, unit)` records each figure. */
async function inspectionBench(fig) {
  const mysql = require('mysql2/promise');
  let conn;
  try {
    conn = await mysql.createConnection(db);
  } catch (err) {
    console.warn(`inspection benchmark skipped: no MariaDB/MySQL at ${db.host}:${db.port} (${err.code || err.message})`);
    return;
  }
  const name = `anquan_bench_insp_${process.pid}`;
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const port = 3700 + Math.floor(Math.random() * 100);
  const env = {
    ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DB_TYPE: 'mariadb', DB_HOST: db.host, DB_PORT: String(db.port),
    DB_USER: db.user, DB_PASSWORD: db.password, DB_NAME: name, JWT_SECRET: SECRET, WECHAT_APPID: 'wx-bench', WECHAT_SECRET: 'bench-wechat-secret',
    WECHAT_API_BASE: 'http://127.0.0.1:9', DEMO: 'off', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000',
  };
  const procs = [];
  try {
    const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const server = spawn(process.execPath, [...prof, join(dist, 'main.js')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    procs.push(server);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    const { coopId, workshopIds, officers } = await seed(env);
    const bare = spawn(process.execPath, [join(__dirname, 'inspection-bare.js'), String(port + 1)], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    procs.push(bare);
    const bareBase = `http://127.0.0.1:${port + 1}`;
    await new Promise((r) => bare.stdout.once('data', r));
    const { token } = await api(base, null, 'POST', '/api/auth/password', { username: 'bench-patrol', password: 'bench-pass-2026' });
    // A 50-item checklist of the cooperative (no photo rules: photos are measured apart).
    const categories = ['electrical', 'fire', 'exits', 'machine_guarding', 'housekeeping'];
    const list = await api(base, token, 'POST', '/api/checklists', {
      cooperativeId: coopId,
      name: '基准巡查表（50 项）',
      items: Array.from({ length: 50 }, (_, n) => ({ section: `第${Math.floor(n / 10) + 1}部分`, category: categories[n % 5], text: `基准检查项 ${n + 1}：设施完好、标识清楚、记录齐全` })),
    });
    const tokens = [];
    for (const username of officers) tokens.push((await api(base, null, 'POST', '/api/auth/password', { username, password: 'bench-pass-2026' })).token);
    const plan = { checklistId: list.id, itemIds: list.items.map((i) => i.id), workshopIds, tokens };
    await load(base, token, 10, 2, plan);
    await load(bareBase, token, 10, 2, plan);
    let bytes = 0;
    for (const c of LEVELS) {
      const runs = { nest: [], bare: [] };
      for (let round = 0; round < 2; round++) {
        runs.nest.push(await load(base, token, c, SECONDS, plan));
        runs.bare.push(await load(bareBase, token, c, SECONDS, plan));
      }
      bytes = runs.nest[0].bytes;
      const avg = (rs, k) => Math.round((rs.reduce((s, r) => s + r[k], 0) / rs.length) * 10) / 10;
      const nestRps = avg(runs.nest, 'rps');
      const bareRps = avg(runs.bare, 'rps');
      fig(`inspection submit (${c} conn) server`, nestRps, 'submissions/s');
      fig(`inspection submit (${c} conn) server p50 / p99`, `${avg(runs.nest, 'p50')} / ${avg(runs.nest, 'p99')}`, 'ms');
      fig(`inspection submit (${c} conn) bare node:http+mysql2`, bareRps, 'submissions/s');
      fig(`inspection submit (${c} conn) bare p50 / p99`, `${avg(runs.bare, 'p50')} / ${avg(runs.bare, 'p99')}`, 'ms');
      fig(`inspection submit (${c} conn) ratio server / bare`, Math.round((nestRps / bareRps) * 100) / 100, 'x');
      // per server: a failure of one says nothing about the other
      for (const [who, rs] of [['server', runs.nest], ['bare', runs.bare]]) {
        const errors = rs.reduce((s, r) => s + r.errors, 0);
        if (errors) fig(`inspection submit (${c} conn) ${who} failed requests`, errors, '');
      }
    }
    fig('inspection submit request body', Math.round(bytes / 102.4) / 10, 'KB');
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await sleep(process.env.BENCH_CPU_PROF ? 3000 : 500);
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
  }
}

module.exports = { inspectionBench };

// `node bench/inspection.js`: this benchmark alone (after a server build).
if (require.main === module) {
  inspectionBench((name, value, unit) => console.log(`${name}: ${value} ${unit}`)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
