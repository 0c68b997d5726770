#!/usr/bin/env node
// The yardstick of the inspection-submission benchmark: the two requests of bench/inspection-load.js
// (start a self patrol at a workshop; one batch of results + hazards with submit=true) answered by a bare
// node:http + mysql2 server with the same token check, access rule and SQL as the real server, the
// results, findings, hazards with deadlines and their events in one transaction.
// Usage: node bench/inspection-bare.js PORT   (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD/DB_NAME, JWT_SECRET)
const http = require('node:http');
const { createHmac, randomUUID, timingSafeEqual } = require('node:crypto');
const mysql = require('mysql2/promise');

const secret = process.env.JWT_SECRET;
const pool = mysql.createPool({
  host: process.env.DB_HOST || '127.0.0.1',
  port: Number(process.env.DB_PORT || 3306),
  user: process.env.DB_USER || 'root',
  password: process.env.DB_PASSWORD || '',
  database: process.env.DB_NAME,
  connectionLimit: 10,
  timezone: 'Z',
  dateStrings: ['DATE'],
});

function verify(token) {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const expected = Buffer.from(createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest('base64url'));
  const given = Buffer.from(parts[2]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  return claims.exp * 1000 > Date.now() ? claims.sub : null;
}

const send = (res, status, body) => {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(json) });
  res.end(json);
};

const GRANTS = `SELECT g.role, g.cooperativeId, g.enterpriseId, g.regionId FROM role_grants g
  WHERE g.userId = ? AND (g.role <> 'member' OR EXISTS (SELECT 1 FROM memberships m
    WHERE m.enterpriseId = g.enterpriseId AND m.cooperativeId = g.cooperativeId AND m.until IS NULL))`;

const shanghaiDate = (d) => new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
const addDays = (day, n) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

async function caller(req) {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization || '');
  const userId = m && verify(m[1]);
  if (!userId) return null;
  const [grants] = await pool.query(GRANTS, [userId]);
  return { userId, grants };
}

const body = (req) =>
  new Promise((resolve) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => resolve(JSON.parse(text || '{}')));
  });

async function create(req, res) {
  const who = await caller(req);
  if (!who) return send(res, 401, { error: { code: 'UNAUTHENTICATED' } });
  const b = await body(req);
  const [[shop]] = await pool.query('SELECT id, enterpriseId FROM workshops WHERE id = ?', [b.workshopId]);
  if (!shop || !who.grants.some((g) => g.role === 'member' && g.enterpriseId === shop.enterpriseId)) return send(res, 422, { error: { code: 'VALIDATION_FAILED' } });
  const now = new Date();
  const today = shanghaiDate(now);
  // today's open patrol of this person and workshop, by the same unique key the server uses (selfPatrolKey)
  const openSelfKey = `${who.userId}/${shop.enterpriseId}/${shop.id}/${today}`;
  const [open] = await pool.query('SELECT id FROM inspections WHERE openSelfKey = ?', [openSelfKey]);
  if (open.length) return send(res, 200, { id: open[0].id });
  const [[m]] = await pool.query('SELECT cooperativeId FROM memberships WHERE enterpriseId = ? AND until IS NULL ORDER BY since ASC LIMIT 1', [shop.enterpriseId]);
  const [[k]] = await pool.query('SELECT id, cooperativeId FROM checklists WHERE id = ?', [b.checklistId]);
  if (!k) return send(res, 422, { error: { code: 'VALIDATION_FAILED' } });
  const id = randomUUID();
  await pool.query(
    `INSERT INTO inspections (id, type, status, cooperativeId, hostEnterpriseId, workshopId, checklistId, scheduledOn, createdById, previousInspectionId, startedAt, submittedAt, submittedById, openSelfKey, createdAt, updatedAt)
     VALUES (?, 'self', 'in_progress', ?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL, ?, ?, ?)`,
    [id, m?.cooperativeId ?? null, shop.enterpriseId, shop.id, k.id, today, who.userId, now, openSelfKey, now, now],
  );
  return send(res, 201, { id });
}

async function results(req, res, id) {
  const who = await caller(req);
  if (!who) return send(res, 401, { error: { code: 'UNAUTHENTICATED' } });
  const b = await body(req);
  const [[insp]] = await pool.query('SELECT i.*, h.name AS hostName FROM inspections i INNER JOIN enterprises h ON h.id = i.hostEnterpriseId WHERE i.id = ?', [id]);
  if (!insp || !who.grants.some((g) => g.role === 'member' && g.enterpriseId === insp.hostEnterpriseId)) return send(res, 404, { error: { code: 'NOT_FOUND' } });
  await pool.query('SELECT * FROM inspection_inspectors WHERE inspectionId = ?', [id]);
  if (insp.status !== 'in_progress') return send(res, 409, { error: { code: 'INSPECTION_SUBMITTED' } });
  const [items] = await pool.query('SELECT * FROM checklist_items WHERE checklistId = ? ORDER BY sort ASC', [insp.checklistId]);
  const itemById = new Map(items.map((i) => [i.id, i]));
  const [shops] = await pool.query('SELECT id FROM workshops WHERE enterpriseId = ?', [insp.hostEnterpriseId]);
  await pool.query('SELECT hazardId FROM inspection_carried WHERE inspectionId = ?', [id]);
  const shopIds = new Set(shops.map((s) => s.id));
  for (const r of b.results) if (!itemById.has(r.itemId) || (r.workshopId && !shopIds.has(r.workshopId))) return send(res, 422, { error: { code: 'VALIDATION_FAILED' } });
  const now = new Date();
  const conn = await pool.getConnection();
  try {
    await conn.beginTransaction();
    const [[locked]] = await conn.query('SELECT status, cooperativeId FROM inspections WHERE id = ? FOR UPDATE', [id]);
    if (locked.status !== 'in_progress') {
      await conn.rollback();
      return send(res, 409, { error: { code: 'INSPECTION_SUBMITTED' } });
    }
    await conn.query(
      `INSERT INTO inspection_results (id, inspectionId, itemId, workshopKey, clientId, answer, number, text, note, photoIds, recordedById, updatedAt) VALUES ?
       ON DUPLICATE KEY UPDATE clientId = VALUES(clientId), answer = VALUES(answer), number = VALUES(number), text = VALUES(text), note = VALUES(note),
       photoIds = VALUES(photoIds), recordedById = VALUES(recordedById), updatedAt = VALUES(updatedAt)`,
      [b.results.map((r) => [randomUUID(), id, r.itemId, r.workshopId || '', r.clientId, r.answer ?? null, null, null, null, '[]', who.userId, now])],
    );
    await conn.query(
      `INSERT INTO inspection_findings (id, inspectionId, clientId, kind, itemId, workshopId, description, category, level, fixMode, photoIds, recordedById, hazardId, createdAt, updatedAt) VALUES ?
       ON DUPLICATE KEY UPDATE itemId = VALUES(itemId), workshopId = VALUES(workshopId), description = VALUES(description), category = VALUES(category), level = VALUES(level),
       fixMode = VALUES(fixMode), photoIds = VALUES(photoIds), recordedById = VALUES(recordedById), updatedAt = VALUES(updatedAt)`,
      [b.hazards.map((h) => [randomUUID(), id, h.clientId, 'hazard', h.itemId ?? null, h.workshopId ?? null, h.description, h.category, h.level ?? 'general', h.fixMode ?? 'deadline', '[]', who.userId, null, now, now])],
    );
    if (b.submit) {
      const [rules] = await conn.query('SELECT * FROM deadline_rules WHERE cooperativeId = ?', [locked.cooperativeId]);
      const r = rules[0] ?? { immediateDays: 0, generalDays: 7, majorDays: 30, majorPlanDays: 3 };
      const [findings] = await conn.query("SELECT * FROM inspection_findings WHERE inspectionId = ? AND kind = 'hazard' AND hazardId IS NULL ORDER BY createdAt ASC, id ASC", [id]);
      await conn.query("SELECT * FROM inspection_carried WHERE inspectionId = ? AND mark = 'recurred' AND recurrenceId IS NULL", [id]);
      const day = shanghaiDate(now);
      const hazards = findings.map((f) => {
        const major = f.level === 'major';
        const deadline = addDays(day, major ? r.majorDays : f.fixMode === 'immediate' ? r.immediateDays : r.generalDays);
        const item = f.itemId ? itemById.get(f.itemId) : null;
        return [randomUUID(), insp.hostEnterpriseId, locked.cooperativeId, id, f.id, f.workshopId, f.itemId, item ? item.code : null, f.category, f.description, f.level, f.fixMode, 'self', f.recordedById, day, deadline, major ? addDays(day, r.majorPlanDays) : null, 'reported', null, '[]', null, 1, now, now];
      });
      if (hazards.length) {
        await conn.query(
          `INSERT INTO hazards (id, enterpriseId, cooperativeId, inspectionId, originId, workshopId, itemId, itemCode, category, description, level, fixMode, source, foundById, foundOn, deadline, planDueOn, status, recurrenceOfId, photoIds, closedAt, version, createdAt, updatedAt) VALUES ?`,
          [hazards],
        );
        await conn.query(
          'INSERT INTO hazard_events (id, hazardId, kind, actorId, at, fromStatus, toStatus, note, data, photoIds) VALUES ?',
          [hazards.map((h) => [randomUUID(), h[0], 'reported', who.userId, now, null, 'reported', null, JSON.stringify({ deadline: h[15], level: h[10], fixMode: h[11] }), '[]'])],
        );
        for (const h of hazards) await conn.query('UPDATE inspection_findings SET hazardId = ? WHERE id = ?', [h[0], h[4]]);
      }
      await conn.query("SELECT * FROM inspection_carried WHERE inspectionId = ? AND mark = 'still_fixed'", [id]);
      const [upd] = await conn.query("UPDATE inspections SET status = 'submitted', submittedAt = ?, submittedById = ?, openSelfKey = NULL, updatedAt = ? WHERE id = ? AND status = 'in_progress'", [now, who.userId, now, id]);
      if (!upd.affectedRows) throw new Error('lost the submit race');
    } else {
      await conn.query('UPDATE inspections SET updatedAt = ? WHERE id = ?', [now, id]);
    }
    await conn.commit();
  } catch (err) {
    await conn.rollback();
    throw err;
  } finally {
    conn.release();
  }
  return send(res, 200, { results: b.results.length, hazards: b.hazards.length, goodPractices: 0, rechecks: 0, submitted: !!b.submit });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const m = /^\/api\/inspections\/([^/]+)\/results$/.exec(url.pathname);
  const fail = (err) => send(res, 500, { error: { code: 'INTERNAL', message: String(err) } });
  if (req.method === 'POST' && url.pathname === '/api/inspections') create(req, res).catch(fail);
  else if (req.method === 'POST' && m) results(req, res, m[1]).catch(fail);
  else send(res, 404, { error: { code: 'NOT_FOUND' } });
});
server.listen(Number(process.argv[2] || 3991), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
