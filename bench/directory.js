// The directory read benchmark of `npm run bench` (MariaDB): 10,000 enterprises in 400 cooperatives, a page
// of 20 for a coop admin and for a member, through the real server and through bench/bare-server.js
// (node:http + mysql2, same SQL and access rule), each driven by bench/load.js in its own process.
// Also the server's memory under that load and the h5 first screen in headless Chromium.
const { spawn } = require('node:child_process');
const { randomUUID } = require('node:crypto');
const { existsSync, readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist', 'server', 'server', 'src');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const COOPS = 400;
const PER_COOP = 25;
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 16);

const db = {
  host: process.env.DB_HOST || '127.0.0.1',
  port: Number(process.env.DB_PORT || 3306),
  user: process.env.DB_USER || 'root',
  password: process.env.DB_PASSWORD || '',
};

function rssMb(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 102.4) / 10 : null;
  } catch {
    return null;
  }
}

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

function load(url, token, seconds) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(__dirname, 'load.js'), url, token, String(CONCURRENCY), String(seconds)]);
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.pipe(process.stderr);
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`load exited ${code}`))));
  });
}

/** Rows through the compiled entities, so the seed follows the schema (ids, keys, generated columns). */
async function seed(env) {
  const { loadConfig } = require(join(dist, 'config', 'config.js'));
  const { dataSourceOptions } = require(join(dist, 'database', 'data-source-options.js'));
  const { hashPassword } = require(join(dist, 'auth', 'password.js'));
  const { DataSource } = require('typeorm');
  const ds = new DataSource({ ...dataSourceOptions(loadConfig(env)), migrationsRun: false });
  await ds.initialize();
  const insert = async (entity, rows) => {
    const repo = ds.getRepository(entity);
    for (let i = 0; i < rows.length; i += 500) await repo.insert(rows.slice(i, i + 500).map((r) => repo.create(r)));
  };
  const district = { id: randomUUID(), name: '基准区', level: 'district', parentId: null };
  const towns = Array.from({ length: 20 }, (_, i) => ({ id: randomUUID(), name: `基准镇${i + 1}`, level: 'town', parentId: district.id }));
  await insert('RegionEntity', [district, ...towns]);
  const coops = [];
  const enterprises = [];
  const memberships = [];
  for (let c = 0; c < COOPS; c++) {
    const town = towns[c % towns.length];
    const coop = { id: randomUUID(), name: `基准互助合作社${c + 1}`, regionId: town.id, industry: '综合', leadEnterpriseId: null, foundedOn: '2024-01-01', description: null };
    for (let k = 0; k < PER_COOP; k++) {
      const n = c * PER_COOP + k;
      const e = {
        id: randomUUID(),
        name: `基准企业${String(n).padStart(5, '0')}有限公司`,
        creditCode: `91BENCH${String(n).padStart(11, '0')}`,
        industry: '机械加工',
        address: `${town.name}工业路${n}号`,
        headcount: 10 + (n % 90),
        contactName: '张三',
        contactPhone: `138${String(n).padStart(8, '0')}`,
        regionId: town.id,
      };
      if (k === 0) coop.leadEnterpriseId = e.id;
      enterprises.push(e);
      memberships.push({ id: randomUUID(), cooperativeId: coop.id, enterpriseId: e.id, since: '2025-03-01', until: null });
    }
    coops.push(coop);
  }
  await insert('EnterpriseEntity', enterprises);
  await insert('CooperativeEntity', coops);
  await insert('MembershipEntity', memberships);
  const passwordHash = await hashPassword('bench-pass-2026');
  const lead = { id: randomUUID(), username: 'bench-lead', name: '基准管理员', passwordHash };
  const member = { id: randomUUID(), username: 'bench-member', name: '基准成员', passwordHash };
  await insert('UserEntity', [lead, member]);
  await insert('RoleGrantEntity', [
    { userId: lead.id, role: 'coop_admin', cooperativeId: coops[0].id, enterpriseId: null, regionId: null },
    { userId: member.id, role: 'member', cooperativeId: coops[0].id, enterpriseId: enterprises[3].id, regionId: null },
  ]);
  await ds.destroy();
  return { coopId: coops[0].id };
}

async function login(base, username) {
  const res = await fetch(`${base}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'bench-pass-2026' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

async function firstScreen(base) {
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(chromium)) return null;
  const { chromium: pw } = require('playwright-core');
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
  const browser = await pw.launch({ executablePath: chromium, headless: true, args: flags });
  const times = [];
  try {
    for (let i = 0; i < 3; i++) {
      const ctx = await browser.newContext({ viewport: { width: 390, height: 844 } });
      const page = await ctx.newPage();
      const t0 = Date.now();
      await page.goto(`${base}/`);
      // the login form's password box: the first thing a person needs on the first screen
      await page.locator('input[name=password]').first().waitFor({ state: 'visible', timeout: 30_000 });
      times.push(Date.now() - t0);
      await ctx.close();
    }
  } finally {
    await browser.close();
  }
  times.sort((a, b) => a - b);
  return times[1];
}

/** Runs the benchmark; `fig(name, value, unit)` records each figure. */
async function directoryBench(fig) {
  const mysql = require('mysql2/promise');
  let conn;
  try {
    conn = await mysql.createConnection(db);
  } catch (err) {
    console.warn(`directory benchmark skipped: no MariaDB/MySQL at ${db.host}:${db.port} (${err.code || err.message})`);
    return;
  }
  const name = `anquan_bench_${process.pid}`;
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const port = 3600 + Math.floor(Math.random() * 100);
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DB_TYPE: 'mariadb',
    DB_HOST: db.host,
    DB_PORT: String(db.port),
    DB_USER: db.user,
    DB_PASSWORD: db.password,
    DB_NAME: name,
    JWT_SECRET: SECRET,
    WECHAT_APPID: 'wx-bench',
    WECHAT_SECRET: 'bench-wechat-secret',
    WECHAT_API_BASE: 'http://127.0.0.1:9',
    DEMO: 'off',
    LOG_LEVEL: 'warn',
    LOGIN_RATE_LIMIT: '1000',
  };
  const procs = [];
  try {
    // BENCH_CPU_PROF=dir: a V8 CPU profile of the server under load, to see where the time goes.
    const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const server = spawn(process.execPath, [...prof, join(dist, 'main.js')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    procs.push(server);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    const t0 = Date.now();
    const { coopId } = await seed(env);
    fig('directory bench: seed 10,000 enterprises / 400 coops', Math.round((Date.now() - t0) / 100) / 10, 's');
    const bare = spawn(process.execPath, [join(__dirname, 'bare-server.js'), String(port + 1)], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    procs.push(bare);
    const bareBase = `http://127.0.0.1:${port + 1}`;
    await new Promise((r) => bare.stdout.once('data', r));
    fig('server memory idle (RSS)', rssMb(server.pid), 'MB');
    let peak = 0;
    for (const who of ['lead', 'member']) {
      const token = await login(base, `bench-${who}`);
      const path = `/api/enterprises?cooperativeId=${coopId}&page=2&pageSize=20`;
      const [a, b] = await Promise.all([
        fetch(base + path, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json()),
        fetch(bareBase + path, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json()),
      ]);
      const same = JSON.stringify(a) === JSON.stringify(b);
      fig(`directory (${who}): same answer from both servers`, same ? 'yes' : 'NO', '');
      if (!same) console.warn(`  server: ${JSON.stringify(a).slice(0, 300)}\n  bare:   ${JSON.stringify(b).slice(0, 300)}`);
      await load(base + path, token, 2);
      await load(bareBase + path, token, 2);
      const runs = { nest: [], bare: [] };
      for (let round = 0; round < 2; round++) {
        const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid) || 0)), 200);
        runs.nest.push(await load(base + path, token, SECONDS));
        clearInterval(sampler);
        runs.bare.push(await load(bareBase + path, token, SECONDS));
      }
      const avg = (rs, k) => Math.round(rs.reduce((s, r) => s + r[k], 0) / rs.length * 10) / 10;
      const nestRps = avg(runs.nest, 'rps');
      const bareRps = avg(runs.bare, 'rps');
      fig(`directory (${who}) server`, nestRps, 'req/s');
      fig(`directory (${who}) server p50 / p99`, `${avg(runs.nest, 'p50')} / ${avg(runs.nest, 'p99')}`, 'ms');
      fig(`directory (${who}) bare node:http+mysql2`, bareRps, 'req/s');
      fig(`directory (${who}) bare p50 / p99`, `${avg(runs.bare, 'p50')} / ${avg(runs.bare, 'p99')}`, 'ms');
      fig(`directory (${who}) ratio server / bare`, Math.round((nestRps / bareRps) * 100) / 100, 'x');
      const errors = [...runs.nest, ...runs.bare].reduce((s, r) => s + r.errors, 0);
      if (errors) fig(`directory (${who}) non-200 answers`, errors, '');
    }
    fig('server memory peak under directory load (RSS)', peak, 'MB');
    const fs = await firstScreen(base).catch((err) => {
      console.warn(`h5 first screen not measured: ${err.message}`);
      return null;
    });
    if (fs !== null) fig('h5 first screen (login visible, 390 px, cold)', fs, 'ms');
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await sleep(process.env.BENCH_CPU_PROF ? 3000 : 500);
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
  }
}

module.exports = { directoryBench };
