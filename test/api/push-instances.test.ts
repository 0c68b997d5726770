// Push on several instances: two servers on one database deliver 1,000 queued messages, each exactly once
// (counted in the WeChat simulator), sharing one access token fetched once. Then (MariaDB) a real server
// process works the queue with this one and is killed with SIGKILL while a send is under way: nothing is
// lost, and at most that one message is sent twice once its claim goes stale.
// Embedded SQLite is single-instance by design: there the two "instances" are two apps in one process on
// one database file (the claim is one conditional UPDATE), and the child-process test is MariaDB's only.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { In } from 'typeorm';
import { DEFAULT_PUSH_TEMPLATES } from '../../shared/push-templates';
import { NotificationEntity } from '../../server/src/notifications/notification.entity';
import { NotificationsService } from '../../server/src/notifications/notifications.service';
import { PushSubscriptionEntity } from '../../server/src/push/push-subscription.entity';
import { PushWorker } from '../../server/src/push/push.worker';
import { UserEntity } from '../../server/src/users/user.entity';
import { Builders } from '../support/builders';
import { TEST_DB } from '../support/db';
import { TEST_APPID, TEST_SECRET, type TestServer, startTestServer } from '../support/server';

jest.setTimeout(240_000);

const SEND = '/cgi-bin/message/subscribe/send';
const TOKEN = '/cgi-bin/token';
const TEMPLATE = DEFAULT_PUSH_TEMPLATES.find((t) => t.topic === 'deadline')!.templateId;
const STALE_MS = 3000;
const root = path.join(__dirname, '..', '..');

let s: TestServer;
let s2: TestServer;
let b: Builders;
let batchNo = 0;

/** 50 people with an openid and 20 messages of quota each, and 20 queued reminders each: 1,000 in all. */
async function queue(): Promise<{ ids: string[]; pages: Set<string> }> {
  const run = ++batchNo;
  const users: UserEntity[] = [];
  for (let i = 0; i < 50; i++) {
    const u = await b.user(`inst${run}_${i}`, []);
    const openid = `oInst${run}_${i}_${randomUUID().slice(0, 6)}`;
    await s.db.getRepository(UserEntity).update({ id: u.id }, { openid });
    s.wechat.issueCode(openid);
    users.push(u);
  }
  await s.db.getRepository(PushSubscriptionEntity).insert(users.map((u) => ({ userId: u.id, templateId: TEMPLATE, quota: 20, enabled: true })));
  const rows = users.flatMap((u) =>
    Array.from({ length: 20 }, (_, i) => ({
      userId: u.id,
      kind: 'hazard_reminder' as const,
      title: '整改期限临近',
      body: `隐患「第 ${i + 1} 项」须于 2026-12-10 前整改完成。`,
      link: `/hazards/${randomUUID()}`,
      dedupeKey: `inst:${run}:${randomUUID()}`,
    })),
  );
  const notifications = s.app.get(NotificationsService);
  for (let i = 0; i < rows.length; i += 250) await notifications.add(s.db.manager, rows.slice(i, i + 250));
  const links = rows.map((r) => r.link);
  const saved = await s.db.getRepository(NotificationEntity).find({ where: { dedupeKey: In(rows.map((r) => r.dedupeKey)) }, select: { id: true } });
  expect(saved).toHaveLength(1000);
  return { ids: saved.map((n) => n.id), pages: new Set(links.map((l) => `packages/hazard/pages/detail/index?id=${l.split('/')[2]}`)) };
}

async function statuses(ids: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await s.db.getRepository(NotificationEntity).find({ where: { id: In(ids.slice(i, i + 500)) }, select: { id: true, pushStatus: true } });
    for (const r of rows) out[r.pushStatus] = (out[r.pushStatus] ?? 0) + 1;
  }
  return out;
}

/** How often each page of this run arrived at the simulator. */
function arrivals(pages: Set<string>): Map<string, number> {
  const seen = new Map<string, number>();
  for (const m of s.wechat.messages) if (m.page && pages.has(m.page)) seen.set(m.page, (seen.get(m.page) ?? 0) + 1);
  return seen;
}

beforeAll(async () => {
  // SQLite: a file both apps open; MariaDB: the first server's fresh database. One simulator for all.
  const file: Record<string, string> = TEST_DB === 'sqlite' ? { DB_PATH: path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'push-')), 'db.sqlite') } : {};
  s = await startTestServer({ env: { ...file, PUSH_STALE_MS: String(STALE_MS) } });
  s2 = await startTestServer({ dbEnv: s.dbEnv, env: { WECHAT_API_BASE: s.wechat.url, PUSH_STALE_MS: String(STALE_MS) } });
  b = new Builders(s.db, s.url);
});
afterAll(async () => {
  await s2?.close();
  await s?.close();
});

test('two instances deliver 1,000 queued messages, each exactly once, with one token fetch', async () => {
  const { ids, pages } = await queue();
  const [w1, w2] = [s.app.get(PushWorker), s2.app.get(PushWorker)];
  const [r1, r2] = await Promise.all([w1.drain(), w2.drain()]);

  expect(await statuses(ids)).toEqual({ sent: 1000 });
  const seen = arrivals(pages);
  expect(seen.size).toBe(1000);
  expect([...seen.values()].every((n) => n === 1)).toBe(true);
  expect(s.wechat.messageCounts().byTemplate[TEMPLATE]).toBe(1000);
  expect(r1.sent + r2.sent).toBe(1000);
  // both did a share of the work
  expect(r1.sent).toBeGreaterThan(0);
  expect(r2.sent).toBeGreaterThan(0);
  const left: { q: number | string }[] = await s.db.query(`SELECT SUM(quota) AS q FROM push_subscriptions WHERE ${s.db.driver.escape('templateId')} = ?`, [TEMPLATE]);
  expect(Number(left[0]?.q)).toBe(0);
  // MySQL/MariaDB: the token refresh is single-flight across instances (GET_LOCK); SQLite instances share a process
  if (TEST_DB === 'mariadb') expect(s.wechat.calls.filter((c) => c.path === TOKEN)).toHaveLength(1);
});

/** A real server process (ts-node with swc, no type check) on the same database and simulator, pushing every 20 ms. */
function startChild(): { child: ChildProcess; ready: Promise<void>; output: () => string } {
  let out = '';
  const child = spawn(process.execPath, ['-r', 'ts-node/register', 'server/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      TS_NODE_TRANSPILE_ONLY: 'true',
      TS_NODE_TRANSPILER: 'ts-node/transpilers/swc',
      NODE_ENV: 'test',
      DEMO: 'off',
      PORT: '0',
      HOST: '127.0.0.1',
      JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
      WECHAT_APPID: TEST_APPID,
      WECHAT_SECRET: TEST_SECRET,
      WECHAT_API_BASE: s.wechat.url,
      H5_DIR: '/nonexistent',
      LOG_LEVEL: 'warn',
      JOBS: 'on',
      PUSH_EVERY_MS: '20',
      PUSH_STALE_MS: String(STALE_MS),
      ...s.dbEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      if (out.includes('已启动')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`child exited (${String(code)}) before it started:\n${out}`)));
  });
  return { child, ready, output: () => out };
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

// Only where several server processes share a database: MariaDB (the embedded SQLite is one process by
// design), so on SQLite the case does not exist rather than being skipped.
const severalProcesses = TEST_DB === 'mariadb' ? test : () => undefined;
severalProcesses('a second instance in its own process, killed with SIGKILL mid-send: none lost, at most one resent', async () => {
  const { ids, pages } = await queue();
  const w1 = s.app.get(PushWorker);
  const delivered = () => [...arrivals(pages).values()].reduce((a, n) => a + n, 0);
  s.wechat.delay(SEND, 5);
  const { child, ready, output } = startChild();
  let paused = false;
  let loop: Promise<void> = Promise.resolve();
  try {
    await ready;
    // both instances work the queue
    loop = (async () => {
      // round by round (drain() would only return once the queue is empty)
      while (!paused) {
        if ((await w1.runOnce()).claimed === 0) await sleep(20);
      }
    })();
    await until('the child to deliver its share', async () => delivered() >= 300 && (await childSent(child)) > 0, 120_000);
    // this instance stands aside, so that the next send to arrive is surely the child's: kill it during that send
    paused = true;
    await loop;
    const calls = s.wechat.calls.length;
    s.wechat.delay(SEND, 1500);
    await until('the child’s next send', () => s.wechat.calls.slice(calls).some((c) => c.path === SEND), 20_000);
    child.kill('SIGKILL');
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(null) : child.once('exit', resolve)));
    s.wechat.delay(SEND, 0);
    const atKill = await statuses(ids);
    expect(atKill.pending).toBeGreaterThan(0); // killed mid-run, work left

    // this instance finishes: the child's batch once its claims are stale (3 s)
    await until('every message to be delivered', async () => {
      await w1.drain();
      return (await statuses(ids)).sent === 1000;
    }, 60_000);
  } catch (err) {
    throw new Error(`${String(err)}\nchild output:\n${output()}`);
  } finally {
    paused = true;
    await loop;
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }

  const seen = arrivals(pages);
  expect(seen.size).toBe(1000); // none lost
  const twice = [...seen.entries()].filter(([, n]) => n > 1);
  expect(twice.length).toBeLessThanOrEqual(1); // at most the one in flight
  expect([...seen.values()].every((n) => n <= 2)).toBe(true);
  // the message in flight was taken over after its claim went stale
  const retaken = await s.db.getRepository(NotificationEntity).count({ where: { id: In(ids), pushAttempts: 2 } });
  expect(retaken).toBeGreaterThanOrEqual(1);
});

/** Messages the child process recorded as sent (its claim token names its pid). */
async function childSent(child: ChildProcess): Promise<number> {
  const rows: { n: number | string }[] = await s.db.query(
    `SELECT COUNT(*) AS n FROM notifications WHERE ${s.db.driver.escape('pushStatus')} = 'sent' AND ${s.db.driver.escape('pushClaimedBy')} LIKE ?`,
    [`%:${String(child.pid)}:%`],
  );
  return Number(rows[0]?.n ?? 0);
}
