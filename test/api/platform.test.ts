// The platform around the features: health, OpenAPI, security headers, the browser app's deep links.
import request from 'supertest';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every route Nest registered on express, as "get /api/x/{id}". */
function registeredRoutes(): string[] {
  const express = s.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  return express.router.stack
    // Nest's catch-all 404 handlers are not routes of the API.
    .filter((l) => l.route && l.route.path !== '/api' && !l.route.path.includes('*'))
    .flatMap((l) =>
      Object.keys(l.route!.methods).map((m) => `${m} ${l.route!.path.replace(/:(\w+)/g, '{$1}')}`),
    )
    .sort();
}

test('OpenAPI documents every registered route, with request and response schemas', async () => {
  const res = await request(s.url).get('/api/openapi.json');
  expect(res.status).toBe(200);
  expect(res.body.openapi).toMatch(/^3\./);
  const documented = Object.entries(res.body.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
    .sort();
  const routes = registeredRoutes();
  expect(routes.length).toBeGreaterThanOrEqual(14);
  expect(documented).toEqual(routes);
  for (const r of ['post /api/auth/wechat', 'post /api/invitations/{code}/accept', 'get /api/enterprises', 'get /api/health']) {
    expect(routes).toContain(r);
  }
  const accept = res.body.paths['/api/invitations/{code}/accept'].post;
  expect(accept.requestBody.content['application/json'].schema.anyOf).toHaveLength(2);
  expect(accept.responses['200'].content['application/json'].schema.properties).toHaveProperty('enterprise');
  const list = res.body.paths['/api/enterprises'].get;
  expect(list.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['cooperativeId', 'page', 'pageSize', 'q']);
});

test('health says ok, and 503 db down when the database is gone', async () => {
  expect((await request(s.url).get('/api/health')).body).toEqual({ status: 'ok', db: 'up' });
  const other = await startTestServer();
  try {
    await other.db.destroy();
    const res = await request(other.url).get('/api/health');
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ status: 'error', db: 'down' });
  } finally {
    await other.close().catch(() => undefined);
  }
});

test('security headers are set and the framework is not advertised', async () => {
  const res = await request(s.url).get('/api/health');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(res.headers['strict-transport-security']).toBeDefined();
  expect(res.headers['x-powered-by']).toBeUndefined();
});

test('without a browser build, pages answer with a clear Chinese hint, not a crash', async () => {
  const res = await request(s.url).get('/packages/org/pages/join/index?code=ABCDEFGH');
  expect(res.status).toBe(503);
  expect(res.text).toContain('npm run build:h5');
});

test('the browser build is served at / and deep links fall back to its index.html', async () => {
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'h5-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>安全互助</title><div id="app">APP SHELL</div>');
  writeFileSync(join(dir, 'app.js'), 'console.log("app")');
  const web = await startTestServer({ env: { H5_DIR: dir } });
  try {
    expect((await request(web.url).get('/')).text).toContain('APP SHELL');
    const deep = await request(web.url).get('/packages/org/pages/join/index?code=ABCDEFGH');
    expect(deep.status).toBe(200);
    expect(deep.text).toContain('APP SHELL');
    const asset = await request(web.url).get('/app.js');
    expect(asset.text).toContain('console.log');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    // The API is not swallowed by the fallback.
    expect((await request(web.url).get('/api/nope')).body.error.code).toBe('ROUTE_NOT_FOUND');
  } finally {
    await web.close();
  }
});

test('production mode never seeds demo users, even on an empty database', async () => {
  const prod = await startTestServer({ demo: true, env: { NODE_ENV: 'production', DEMO: 'auto', WECHAT_SECRET: 'real-secret-from-console' } });
  try {
    const res = await request(prod.url).post('/api/auth/password').send({ username: 'demo-admin', password: 'demo-pass-2026' });
    expect(res.status).toBe(401);
    const { UserEntity } = await import('../../server/src/users/user.entity');
    expect(await prod.db.getRepository(UserEntity).count()).toBe(0);
  } finally {
    await prod.close();
  }
});

test('demo mode seeds the story district: two towns or more, two cooperatives, the logins of docs/api.md', async () => {
  const demo = await startTestServer({ demo: true });
  try {
    const login = async (username: string) =>
      (await request(demo.url).post('/api/auth/password').send({ username, password: 'demo-pass-2026' })).body;
    for (const u of ['demo-admin', 'demo-lead', 'demo-member', 'demo-expert', 'demo-supervisor']) {
      expect((await login(u)).token).toBeTruthy();
    }
    const admin = (await login('demo-admin')).token;
    const regions = await request(demo.url).get('/api/regions').set('Authorization', `Bearer ${admin}`);
    expect(regions.body.items.filter((r: { level: string }) => r.level === 'town').length).toBeGreaterThanOrEqual(2);
    const coops = await request(demo.url).get('/api/cooperatives').set('Authorization', `Bearer ${admin}`);
    expect(coops.body.total).toBe(2);
    const story = coops.body.items.find((c: { leadEnterpriseName: string }) => c.leadEnterpriseName === '日照市溶解乙炔气厂');
    expect(story.memberCount).toBeGreaterThanOrEqual(20);
    const lead = await login('demo-lead');
    expect(lead.user.roles).toEqual(expect.arrayContaining([{ role: 'coop_admin', cooperativeId: story.id }]));
    const member = await login('demo-member');
    const own = member.user.roles.find((r: { role: string }) => r.role === 'member');
    const ent = await request(demo.url).get(`/api/enterprises/${own.enterpriseId}`).set('Authorization', `Bearer ${member.token}`);
    expect(ent.body.name).toBe('日照青亚食品有限公司');
  } finally {
    await demo.close();
  }
});
