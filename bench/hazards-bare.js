#!/usr/bin/env node
// The yardstick of the hazard-list benchmark: GET /api/hazards answered by a bare node:http + mysql2 server
// with the same token check, the same principal query (grants of active memberships, regions below a
// supervisor's), the same access rule (ScopeService.hazardReadable), the same filters and the same page and
// count SQL as server/src/hazards/hazards-list.sql.ts, run at once like the real server does.
// Usage: node bench/hazards-bare.js PORT   (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD/DB_NAME, JWT_SECRET)
const http = require('node:http');
const { createHmac, timingSafeEqual } = require('node:crypto');
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

const PRINCIPAL = `WITH RECURSIVE sub (root, id) AS (
    SELECT g.regionId, g.regionId FROM role_grants g WHERE g.userId = ? AND g.regionId IS NOT NULL
    UNION
    SELECT sub.root, r.id FROM regions r JOIN sub ON r.parentId = sub.id
  )
  SELECT 'g' AS kind, g.role AS role, g.cooperativeId AS cooperativeId, g.enterpriseId AS enterpriseId, g.regionId AS regionId
    FROM users u
    LEFT JOIN role_grants g ON g.userId = u.id AND (g.role <> 'member' OR EXISTS (
      SELECT 1 FROM memberships m WHERE m.cooperativeId = g.cooperativeId AND m.enterpriseId = g.enterpriseId AND m.until IS NULL))
   WHERE u.id = ?
  UNION ALL
  SELECT 'r', NULL, NULL, sub.id, sub.root FROM sub`;

/** shared/policy.ts accessScope, for what the hazard list needs. */
async function scopeOf(userId) {
  const [rows] = await pool.query(PRINCIPAL, [userId, userId]);
  const grants = rows.filter((r) => r.kind === 'g' && r.role !== null);
  if (!rows.some((r) => r.kind === 'g')) return null;
  const below = {};
  for (const r of rows) if (r.kind === 'r') (below[r.regionId] ??= []).push(r.enterpriseId);
  const ids = (role, key) => [...new Set(grants.filter((g) => g.role === role && g[key]).map((g) => g[key]))];
  const supervisorRegions = ids('supervisor', 'regionId');
  return {
    userId,
    all: grants.some((g) => g.role === 'admin'),
    enterpriseIds: ids('member', 'enterpriseId'),
    managed: ids('coop_admin', 'cooperativeId'),
    supervised: [...new Set(supervisorRegions.flatMap((r) => below[r] ?? [r]))],
  };
}

const OPEN = `('reported', 'pending_verification')`;
const OVERDUE = `(h.status IN ${OPEN} AND h.deadline < ?)`;

/** ScopeService.hazardReadable + HazardSql.where (views open / attention / all; to_verify is not benchmarked). */
function where(scope, q, today) {
  const parts = [];
  const params = [];
  if (!scope.all) {
    const ent = [];
    if (scope.enterpriseIds.length) {
      ent.push('e.id IN (?)');
      params.push(scope.enterpriseIds);
    }
    if (scope.managed.length) {
      ent.push('EXISTS (SELECT 1 FROM memberships sm1 WHERE sm1.enterpriseId = e.id AND sm1.until IS NULL AND sm1.cooperativeId IN (?))');
      params.push(scope.managed);
    }
    if (scope.supervised.length) {
      ent.push('e.regionId IN (?)');
      ent.push('EXISTS (SELECT 1 FROM memberships sm2 JOIN cooperatives sc2 ON sc2.id = sm2.cooperativeId WHERE sm2.enterpriseId = e.id AND sm2.until IS NULL AND sc2.regionId IN (?))');
      params.push(scope.supervised, scope.supervised);
    }
    const entSql = ent.length ? `(${ent.join(' OR ')})` : '1 = 0';
    parts.push(
      `(${entSql} OR EXISTS (SELECT 1 FROM inspection_inspectors shi WHERE shi.inspectionId = h.inspectionId AND shi.userId = ?)` +
        ` OR EXISTS (SELECT 1 FROM inspection_carried shc JOIN inspection_inspectors shj ON shj.inspectionId = shc.inspectionId WHERE shc.hazardId = h.id AND shj.userId = ?))`,
    );
    params.push(scope.userId, scope.userId);
  }
  for (const [key, col] of [['enterpriseId', 'enterpriseId'], ['cooperativeId', 'cooperativeId'], ['inspectionId', 'inspectionId'], ['status', 'status'], ['level', 'level'], ['source', 'source']]) {
    if (q.get(key)) {
      parts.push(`h.${col} = ?`);
      params.push(q.get(key));
    }
  }
  if (q.get('overdue') === 'true') {
    parts.push(OVERDUE);
    params.push(today);
  }
  if (q.get('overdue') === 'false') {
    parts.push(`NOT ${OVERDUE}`);
    params.push(today);
  }
  const view = q.get('view') || 'all';
  if (view === 'open') {
    parts.push(`h.status IN ${OPEN}`);
    if (scope.enterpriseIds.length && !scope.all) {
      parts.push('h.enterpriseId IN (?)');
      params.push(scope.enterpriseIds);
    }
  }
  if (view === 'attention') {
    parts.push(`h.status IN ${OPEN} AND (h.level = 'major' OR h.deadline < ?)`);
    params.push(today);
  }
  return [parts.length ? parts.map((p) => `(${p})`).join(' AND ') : '1 = 1', params];
}

const FROM = 'FROM hazards h INNER JOIN enterprises e ON e.id = h.enterpriseId';
const COLUMNS = `h.id, h.enterpriseId, h.cooperativeId, h.inspectionId, h.workshopId, h.itemId, h.itemCode, h.category, h.description,
  h.level, h.fixMode, h.source, h.foundById, h.foundOn, h.deadline, h.planDueOn, h.status, h.recurrenceOfId, h.photoIds, h.closedAt,
  h.createdAt, h.version, e.name AS enterpriseName, w.name AS workshopName, u.name AS foundByName`;

const shanghaiDate = (at) => new Date(at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
const daysUntil = (deadline, today) => Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

async function hazards(req, res, url) {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization || '');
  const userId = m && verify(m[1]);
  const scope = userId && (await scopeOf(userId));
  if (!scope) return send(res, 401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  const q = url.searchParams;
  const page = Number(q.get('page') || 1);
  const pageSize = Number(q.get('pageSize') || 20);
  const now = new Date();
  const today = shanghaiDate(now);
  const [sql, params] = where(scope, q, today);
  // the page's ids on narrow rows, then their names (HazardSql.page)
  const ids =
    `SELECT h.id AS id, h.deadline AS deadline, CASE WHEN h.status IN ${OPEN} THEN 0 ELSE 1 END AS openRank, CASE WHEN ${OVERDUE} THEN 0 ELSE 1 END AS lateRank ` +
    `${FROM} WHERE ${sql} ORDER BY openRank ASC, lateRank ASC, h.deadline ASC, h.id ASC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`;
  const pageSql =
    `SELECT ${COLUMNS} FROM (${ids}) p INNER JOIN hazards h ON h.id = p.id INNER JOIN enterprises e ON e.id = h.enterpriseId ` +
    'LEFT JOIN workshops w ON w.id = h.workshopId LEFT JOIN users u ON u.id = h.foundById ORDER BY p.openRank ASC, p.lateRank ASC, p.deadline ASC, p.id ASC';
  const [[[{ n }]], [rows]] = await Promise.all([pool.query(`SELECT COUNT(*) AS n ${FROM} WHERE ${sql}`, params), pool.query(pageSql, [today, ...params])]);
  const items = rows.map((r) => {
    const open = r.status === 'reported' || r.status === 'pending_verification';
    return {
      id: r.id,
      enterpriseId: r.enterpriseId,
      enterpriseName: r.enterpriseName ?? '',
      cooperativeId: r.cooperativeId,
      inspectionId: r.inspectionId,
      workshopId: r.workshopId,
      workshopName: r.workshopId ? (r.workshopName ?? null) : null,
      itemId: r.itemId,
      itemCode: r.itemCode,
      category: r.category,
      description: r.description,
      level: r.level,
      fixMode: r.fixMode,
      source: r.source,
      foundById: r.foundById,
      foundByName: r.foundByName ?? '',
      foundOn: r.foundOn,
      deadline: r.deadline,
      planDueOn: r.planDueOn,
      status: r.status,
      recurrenceOfId: r.recurrenceOfId,
      photoIds: JSON.parse(r.photoIds),
      closedAt: r.closedAt ? r.closedAt.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
      overdue: open && today > r.deadline,
      daysLeft: daysUntil(r.deadline, today),
      version: Number(r.version),
    };
  });
  return send(res, 200, { items, total: Number(n), page, pageSize });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (req.method === 'GET' && url.pathname === '/api/hazards') {
    hazards(req, res, url).catch((err) => send(res, 500, { error: { code: 'INTERNAL', message: String(err) } }));
  } else send(res, 404, { error: { code: 'NOT_FOUND', message: '未找到' } });
});
server.listen(Number(process.argv[2] || 3991), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
