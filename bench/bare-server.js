#!/usr/bin/env node
// The yardstick of `npm run bench`: the member directory (GET /api/enterprises?cooperativeId=&page=&pageSize=)
// answered by a bare node:http + mysql2 server with the same token check, the same access rule (one
// query for the caller's grants, ended memberships give nothing) and the same SQL as the real server.
// Usage: node bench/bare-server.js PORT   (DB_HOST/DB_PORT/DB_USER/DB_PASSWORD/DB_NAME, JWT_SECRET)
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

const GRANTS = `SELECT g.role, g.cooperativeId, g.enterpriseId, g.regionId FROM role_grants g
  WHERE g.userId = ? AND (g.role <> 'member' OR EXISTS (SELECT 1 FROM memberships m
    WHERE m.enterpriseId = g.enterpriseId AND m.cooperativeId = g.cooperativeId AND m.until IS NULL))`;
const FROM = `FROM memberships m INNER JOIN enterprises e ON e.id = m.enterpriseId
  INNER JOIN cooperatives c ON c.id = m.cooperativeId WHERE m.until IS NULL AND m.cooperativeId IN (?)`;
const PAGE = `SELECT e.id, e.name, e.industry, e.address, e.creditCode, e.headcount, e.contactName, e.contactPhone,
  e.regionId, m.cooperativeId, m.since, c.leadEnterpriseId, c.regionId AS coopRegionId ${FROM}
  ORDER BY CASE WHEN c.leadEnterpriseId = e.id THEN 0 ELSE 1 END ASC, e.name ASC, m.id ASC LIMIT ? OFFSET ?`;

async function directory(req, res, url) {
  const m = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization || '');
  const userId = m && verify(m[1]);
  if (!userId) return send(res, 401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } });
  const [grants] = await pool.query(GRANTS, [userId]);
  const coopId = url.searchParams.get('cooperativeId');
  const page = Number(url.searchParams.get('page') || 1);
  const pageSize = Number(url.searchParams.get('pageSize') || 20);
  const admin = grants.some((g) => g.role === 'admin');
  const reads = admin || grants.some((g) => (g.role === 'coop_admin' || g.role === 'member') && g.cooperativeId === coopId);
  if (!reads) return send(res, 404, { error: { code: 'NOT_FOUND', message: '未找到' } });
  const [[{ total }]] = await pool.query(`SELECT COUNT(*) AS total ${FROM}`, [[coopId]]);
  const [rows] = await pool.query(PAGE, [[coopId], pageSize, (page - 1) * pageSize]);
  const coopAdmin = admin || grants.some((g) => g.role === 'coop_admin' && g.cooperativeId === coopId);
  const mine = new Set(grants.filter((g) => g.role === 'member').map((g) => g.enterpriseId));
  const items = rows.map((r) => {
    const entry = {
      id: r.id,
      name: r.name,
      industry: r.industry,
      address: r.address,
      cooperativeId: r.cooperativeId,
      memberSince: String(r.since).slice(0, 10),
      isLead: r.leadEnterpriseId === r.id,
    };
    if (!coopAdmin && !mine.has(r.id)) return entry;
    return { ...entry, creditCode: r.creditCode, headcount: Number(r.headcount), contactName: r.contactName, contactPhone: r.contactPhone };
  });
  return send(res, 200, { items, total: Number(total), page, pageSize });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (req.method === 'GET' && url.pathname === '/api/enterprises') {
    directory(req, res, url).catch((err) => send(res, 500, { error: { code: 'INTERNAL', message: String(err) } }));
  } else send(res, 404, { error: { code: 'NOT_FOUND', message: '未找到' } });
});
server.listen(Number(process.argv[2] || 3990), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  server.close();
  void pool.end().then(() => process.exit(0));
});
