// The hazard-list benchmark of `npm run bench` (MariaDB, issue 8): 10,400 hazards over 400 enterprises in 16
// cooperatives, a page of 50 with enterprise and workshop names and the total, filtered by status and
// overdue, for a member, a coop admin and a district supervisor — through the real server and through
// bench/hazards-bare.js (node:http + mysql2, same SQL and access rule), each driven by bench/load.js in its
// own process. Then the 10,400-row ledger export (GET /api/hazards/export.xlsx): time, size, rows read back,
// and the server's RSS before and at its peak while streaming it.
const { spawn } = require('node:child_process');
const { randomBytes, randomUUID } = require('node:crypto');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const dist = join(root, 'dist', 'server', 'server', 'src');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const SECRET = 'bench-secret-bench-secret-bench-secret-0123';
const COOPS = 16;
const PER_COOP = 25;
const PER_ENTERPRISE = 26;
const SECONDS = Number(process.env.BENCH_SECONDS || 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 16);

const db = {
  host: process.env.DB_HOST || '127.0.0.1',
  port: Number(process.env.DB_PORT || 3306),
  user: process.env.DB_USER || 'root',
  password: process.env.DB_PASSWORD || '',
};

function procKb(pid, field) {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}
const mb = (kb) => (kb === null ? null : Math.round(kb / 102.4) / 10);

/** CPU time a process has used (user + system), in ms; /proc ticks are 10 ms on Linux. */
function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

/** A load run, with the server's CPU time per answered request. */
async function measured(url, token, pid) {
  const before = cpuMs(pid);
  const r = await load(url, token, SECONDS);
  const after = cpuMs(pid);
  return { ...r, cpu: before === null || after === null || r.requests === 0 ? 0 : (after - before) / r.requests };
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

const day = (offset) => new Date(Date.now() + 8 * 3600 * 1000 + offset * 86_400_000).toISOString().slice(0, 10);

/** Rows through the compiled entities, so the seed follows the schema; bulk inserts of 500. */
async function seed(env) {
  const { loadConfig } = require(join(dist, 'config', 'config.js'));
  const { dataSourceOptions } = require(join(dist, 'database', 'data-source-options.js'));
  const { hashPassword } = require(join(dist, 'auth', 'password.js'));
  const { DataSource } = require('typeorm');
  const ds = new DataSource({ ...dataSourceOptions(loadConfig(env)), migrationsRun: false });
  await ds.initialize();
  const insert = async (entity, rows) => {
    const repo = ds.getRepository(entity);
    for (let i = 0; i < rows.length; i += 500) {
      await ds.createQueryBuilder().insert().into(entity).values(rows.slice(i, i + 500).map((r) => repo.create(r))).updateEntity(false).execute();
    }
  };
  const [{ id: checklistId }] = await ds.query('SELECT id FROM checklists LIMIT 1');
  const district = { id: randomUUID(), name: '基准区', level: 'district', parentId: null };
  const towns = Array.from({ length: 8 }, (_, i) => ({ id: randomUUID(), name: `基准镇${i + 1}`, level: 'town', parentId: district.id }));
  await insert('RegionEntity', [district, ...towns]);
  const passwordHash = await hashPassword('bench-pass-2026');
  const coops = [];
  const enterprises = [];
  const memberships = [];
  const workshops = [];
  const users = [];
  const grants = [];
  for (let c = 0; c < COOPS; c++) {
    const town = towns[c % towns.length];
    const coop = { id: randomUUID(), name: `基准互助合作社${c + 1}`, regionId: town.id, industry: '综合', leadEnterpriseId: null, foundedOn: '2024-01-01', description: null };
    coops.push(coop);
    for (let k = 0; k < PER_COOP; k++) {
      const n = c * PER_COOP + k;
      const e = {
        id: randomUUID(), name: `基准隐患企业${String(n).padStart(4, '0')}有限公司`, creditCode: `91HAZARD${String(n).padStart(10, '0')}`, industry: '机械加工',
        address: `${town.name}工业路${n}号`, headcount: 20, contactName: '张三', contactPhone: `139${String(n).padStart(8, '0')}`, regionId: town.id,
      };
      if (k === 0) coop.leadEnterpriseId = e.id;
      enterprises.push(e);
      memberships.push({ id: randomUUID(), cooperativeId: coop.id, enterpriseId: e.id, since: '2025-03-01', until: null });
      for (let s = 0; s < 2; s++) {
        workshops.push({
          id: randomUUID(), enterpriseId: e.id, name: `${s === 0 ? '生产' : '仓储'}车间${n}`, location: '', responsiblePerson: '', riskLevel: 'yellow',
          lecL10: null, lecE10: null, lecC: null, qrToken: randomBytes(16).toString('hex'), manualCode: `H${String(n * 2 + s).padStart(6, '0')}`,
        });
      }
      const u = { id: randomUUID(), username: `bench-h${n}`, name: `安全员${n}`, passwordHash };
      users.push(u);
      grants.push({ userId: u.id, role: 'member', cooperativeId: coop.id, enterpriseId: e.id, regionId: null });
    }
  }
  const lead = { id: randomUUID(), username: 'bench-lead', name: '基准管理员', passwordHash };
  const supervisor = { id: randomUUID(), username: 'bench-supervisor', name: '基准监管', passwordHash };
  users.push(lead, supervisor);
  grants.push({ userId: lead.id, role: 'coop_admin', cooperativeId: coops[0].id, enterpriseId: null, regionId: null });
  grants.push({ userId: supervisor.id, role: 'supervisor', cooperativeId: null, enterpriseId: null, regionId: district.id });
  await insert('EnterpriseEntity', enterprises);
  await insert('CooperativeEntity', coops);
  await insert('MembershipEntity', memberships);
  await insert('WorkshopEntity', workshops);
  await insert('UserEntity', users);
  await insert('RoleGrantEntity', grants);

  // One submitted mutual round per host, led by the next member's officer with one more inspector.
  const inspections = [];
  const inspectors = [];
  enterprises.forEach((e, n) => {
    const c = Math.floor(n / PER_COOP);
    const other = (k) => c * PER_COOP + ((n % PER_COOP) + k) % PER_COOP;
    const i = {
      id: randomUUID(), type: 'mutual', status: 'submitted', cooperativeId: coops[c].id, hostEnterpriseId: e.id, workshopId: null, checklistId,
      scheduledOn: day(-30), createdById: lead.id, previousInspectionId: null, startedAt: new Date(), submittedAt: new Date(), submittedById: users[other(1)].id, openSelfKey: null,
    };
    inspections.push(i);
    inspectors.push({ id: randomUUID(), inspectionId: i.id, userId: users[other(1)].id, enterpriseId: enterprises[other(1)].id, role: 'leader' });
    inspectors.push({ id: randomUUID(), inspectionId: i.id, userId: users[other(2)].id, enterpriseId: enterprises[other(2)].id, role: 'member' });
  });
  await insert('InspectionEntity', inspections);
  await insert('InspectionInspectorEntity', inspectors);

  const statuses = ['reported', 'reported', 'reported', 'pending_verification', 'closed', 'closed', 'closed', 'voided'];
  const categories = ['electrical', 'fire', 'exits', 'machine_guarding', 'housekeeping', 'documents'];
  const hazards = [];
  enterprises.forEach((e, n) => {
    const c = Math.floor(n / PER_COOP);
    for (let k = 0; k < PER_ENTERPRISE; k++) {
      const status = statuses[(n + k) % statuses.length];
      const level = (n + k) % 11 === 0 ? 'major' : 'general';
      const peer = k % 2 === 0;
      const fixed = status === 'pending_verification' || status === 'closed';
      const when = day(-((n * 7 + k * 3) % 60));
      hazards.push({
        id: randomUUID(), enterpriseId: e.id, cooperativeId: coops[c].id, inspectionId: peer ? inspections[n].id : null, originId: null,
        workshopId: k % 3 === 2 ? null : workshops[n * 2 + (k % 2)].id, itemId: null, itemCode: null, category: categories[k % categories.length],
        description: `基准隐患 ${n}-${k}：${k % 2 ? '消防通道堵塞，灭火器压力不足' : '配电箱未上锁，线路老化裸露'}`, level, fixMode: 'deadline', source: peer ? 'peer' : 'self',
        foundById: peer ? inspectors[n * 2].userId : users[n].id, foundOn: when, deadline: day(-((n * 7 + k * 3) % 60) + (level === 'major' ? 30 : 7)),
        planDueOn: level === 'major' ? day(-((n * 7 + k * 3) % 60) + 3) : null, status, recurrenceOfId: null, photoIds: [], closedAt: status === 'closed' ? new Date() : null, version: 1,
        planResponsible: level === 'major' ? '张厂长' : null, planMeasures: level === 'major' ? '停用并更换设备' : null, planFundsFen: level === 'major' ? 3800050 : null,
        rectMeasures: fixed ? '已整改，更换设备并建立检查记录' : null, rectCostFen: fixed ? 12050 + k : null, rectResponsible: fixed ? '王安全' : null,
        rectCompletedOn: fixed ? when : null, verifiedById: status === 'closed' ? inspectors[n * 2].userId : null, verifiedAt: status === 'closed' ? new Date() : null,
      });
    }
  });
  await insert('HazardEntity', hazards);
  await ds.destroy();
  return { coopId: coops[0].id, total: hazards.length, memberUser: users[0].username };
}

async function login(base, username) {
  const res = await fetch(`${base}/api/auth/password`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'bench-pass-2026' }) });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()).token;
}

/** The ledger of every hazard the supervisor sees: time to the last byte, size, and the server's RSS meanwhile. */
async function exportLedger(fig, base, token, pid, total) {
  const before = procKb(pid, 'VmRSS');
  let peak = before ?? 0;
  const sampler = setInterval(() => (peak = Math.max(peak, procKb(pid, 'VmRSS') ?? 0)), 20);
  const t0 = performance.now();
  const res = await fetch(`${base}/api/hazards/export.xlsx`, { headers: { authorization: `Bearer ${token}` } });
  const first = performance.now() - t0;
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const ExcelJS = require('exceljs');
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body);
  const rows = book.worksheets[0].rowCount - 2;
  fig(`hazard ledger export (${res.headers.get('x-total-count')} rows) time`, Math.round(ms), 'ms');
  fig('hazard ledger export first byte', Math.round(first), 'ms');
  fig('hazard ledger export size', Math.round(body.length / 102.4) / 10, 'KB');
  fig('hazard ledger export rows read back (exceljs)', rows === total ? `${rows} (all)` : `${rows} of ${total}`, '');
  fig('server RSS before the export', mb(before), 'MB');
  fig('server RSS peak during the export', mb(peak), 'MB');
}

/** Runs the benchmark; `fig(name, value, unit)` records each figure. */
async function hazardsBench(fig) {
  const mysql = require('mysql2/promise');
  let conn;
  try {
    conn = await mysql.createConnection(db);
  } catch (err) {
    console.warn(`hazard benchmark skipped: no MariaDB/MySQL at ${db.host}:${db.port} (${err.code || err.message})`);
    return;
  }
  const name = `anquan_bench_hz_${process.pid}`;
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  const port = 3800 + Math.floor(Math.random() * 100);
  const env = {
    ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', DB_TYPE: 'mariadb', DB_HOST: db.host, DB_PORT: String(db.port),
    DB_USER: db.user, DB_PASSWORD: db.password, DB_NAME: name, JWT_SECRET: SECRET, WECHAT_APPID: 'wx-bench', WECHAT_SECRET: 'bench-wechat-secret',
    WECHAT_API_BASE: 'http://127.0.0.1:9', DEMO: 'off', LOG_LEVEL: 'warn', LOGIN_RATE_LIMIT: '1000', JOBS: 'off',
  };
  const procs = [];
  try {
    const prof = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
    const server = spawn(process.execPath, [...prof, join(dist, 'main.js')], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
    procs.push(server);
    const base = `http://127.0.0.1:${port}`;
    await waitFor(`${base}/api/health`);
    const t0 = Date.now();
    const { coopId, total, memberUser } = await seed(env);
    fig(`hazard bench: seed ${total} hazards / 400 enterprises`, Math.round((Date.now() - t0) / 100) / 10, 's');
    const bare = spawn(process.execPath, [join(__dirname, 'hazards-bare.js'), String(port + 1)], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] });
    procs.push(bare);
    const bareBase = `http://127.0.0.1:${port + 1}`;
    await new Promise((r) => bare.stdout.once('data', r));
    const filter = 'status=reported&overdue=true&pageSize=50';
    const cases = [
      ['member', memberUser, `view=open&${filter}`],
      ['coop admin', 'bench-lead', `cooperativeId=${coopId}&${filter}`],
      ['supervisor', 'bench-supervisor', `view=attention&${filter}&page=2`],
    ];
    for (const [who, username, query] of cases) {
      const token = await login(base, username);
      const path = `/api/hazards?${query}`;
      const [a, b] = await Promise.all([
        fetch(base + path, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json()),
        fetch(bareBase + path, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.json()),
      ]);
      const same = JSON.stringify(a) === JSON.stringify(b);
      fig(`hazard list (${who}): ${a.items?.length} of ${a.total}, same answer from both servers`, same ? 'yes' : 'NO', '');
      if (!same) console.warn(`  server: ${JSON.stringify(a).slice(0, 400)}\n  bare:   ${JSON.stringify(b).slice(0, 400)}`);
      await load(base + path, token, 2);
      await load(bareBase + path, token, 2);
      const runs = { nest: [], bare: [] };
      for (let round = 0; round < 2; round++) {
        runs.nest.push(await measured(base + path, token, server.pid));
        runs.bare.push(await measured(bareBase + path, token, bare.pid));
      }
      const avg = (rs, k) => Math.round((rs.reduce((s, r) => s + r[k], 0) / rs.length) * 10) / 10;
      const nestRps = avg(runs.nest, 'rps');
      const bareRps = avg(runs.bare, 'rps');
      fig(`hazard list (${who}) server`, nestRps, 'req/s');
      fig(`hazard list (${who}) server p50 / p99`, `${avg(runs.nest, 'p50')} / ${avg(runs.nest, 'p99')}`, 'ms');
      fig(`hazard list (${who}) bare node:http+mysql2`, bareRps, 'req/s');
      fig(`hazard list (${who}) bare p50 / p99`, `${avg(runs.bare, 'p50')} / ${avg(runs.bare, 'p99')}`, 'ms');
      fig(`hazard list (${who}) ratio server / bare`, Math.round((nestRps / bareRps) * 100) / 100, 'x');
      // what limits it: a process near 1000 ms of CPU per second is CPU-bound; far below, it waits for MariaDB
      fig(`hazard list (${who}) CPU per request server / bare`, `${Math.round(avg(runs.nest, 'cpu') * 100) / 100} / ${Math.round(avg(runs.bare, 'cpu') * 100) / 100}`, 'ms');
      const errors = [...runs.nest, ...runs.bare].reduce((s, r) => s + r.errors, 0);
      if (errors) fig(`hazard list (${who}) non-200 answers`, errors, '');
    }
    // the framework's own share: the same server answering a route with next to no work (principal + 9 regions)
    const base0 = await measured(`${base}/api/regions`, await login(base, 'bench-lead'), server.pid);
    fig('GET /api/regions on the same server (baseline: auth guard + one small query)', `${base0.rps} req/s, ${Math.round(base0.cpu * 100) / 100}`, 'ms CPU/req');
    await sleep(1000);
    await exportLedger(fig, base, await login(base, 'bench-supervisor'), server.pid, total);
  } finally {
    for (const p of procs) p.kill('SIGTERM');
    await sleep(process.env.BENCH_CPU_PROF ? 3000 : 500);
    // BENCH_KEEP_DB=1: leave the seeded database for EXPLAIN (dropped by the next run's owner, not here)
    if (process.env.BENCH_KEEP_DB) console.warn(`kept database ${name}`);
    else await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
  }
}

module.exports = { hazardsBench };

// `node bench/hazards.js`: this benchmark alone (after a server build).
if (require.main === module) {
  hazardsBench((name, value, unit) => console.log(`${name}: ${value} ${unit}`)).catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
