// The routes the admin and coop admin screens use: regions, the invitation list, revoking, and the
// public invitation preview and QR image that a stranger with the link reaches before logging in.
import QRCode from 'qrcode';
import request from 'supertest';
import { Builders, type World, enterpriseInput, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(60_000);

const USERS = ['admin', 'leadA', 'memberA1', 'leadB', 'memberB1', 'supervisorD', 'expertD', 'nobody'] as const;
type User = (typeof USERS)[number];

let s: TestServer;
let w: World;
const tokens = {} as Record<User, string>;

beforeAll(async () => {
  s = await startTestServer({ env: { PUBLIC_URL: 'https://anquan.example.cn' } });
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  for (const u of USERS) tokens[u] = await b.token(u);
});
afterAll(() => s.close());

const as = (u: User) => ({ Authorization: `Bearer ${tokens[u]}` });

async function invite(body: object = {}): Promise<{ code: string; joinUrl: string }> {
  const res = await request(s.url).post(`/api/cooperatives/${w.coopA.id}/invitations`).set(as('leadA')).send(body);
  expect(res.status).toBe(201);
  return res.body;
}

describe('POST /api/regions', () => {
  test('the platform admin adds a district and a town under it; both list like the others', async () => {
    const district = await request(s.url).post('/api/regions').set(as('admin')).send({ name: '  新建区 ' });
    expect(district.status).toBe(201);
    expect(district.body).toEqual({ id: expect.any(String), name: '新建区', level: 'district', parentId: null });
    const town = await request(s.url).post('/api/regions').set(as('admin')).send({ name: '新建镇', parentId: district.body.id });
    expect(town.status).toBe(201);
    expect(town.body).toEqual({ id: expect.any(String), name: '新建镇', level: 'town', parentId: district.body.id });
    const all = await request(s.url).get('/api/regions').set(as('admin'));
    expect(all.body.items).toEqual(expect.arrayContaining([district.body, town.body]));
    // A cooperative can be founded in the new town.
    const coop = await request(s.url).post('/api/cooperatives').set(as('admin')).send({ name: '新建镇互助合作社', regionId: town.body.id, industry: '综合' });
    expect(coop.status).toBe(201);
  });

  test.each(USERS.filter((u) => u !== 'admin'))('%s may not → 403', async (u) => {
    const res = await request(s.url).post('/api/regions').set(as(u)).send({ name: `${u}的区` });
    expect(res.status).toBe(403);
  });

  test('bad parents, duplicates and bad bodies are refused with field errors', async () => {
    const underTown = await request(s.url).post('/api/regions').set(as('admin')).send({ name: '某村', parentId: w.ta.id });
    expect(underTown.status).toBe(422);
    expect(underTown.body.error.fields.parentId).toBeDefined();
    const unknown = await request(s.url).post('/api/regions').set(as('admin')).send({ name: '某镇', parentId: 'no-such-region' });
    expect(unknown.status).toBe(422);
    const dup = await request(s.url).post('/api/regions').set(as('admin')).send({ name: '甲镇', parentId: w.d.id });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields.name).toBeDefined();
    for (const body of [{}, { name: '' }, { name: '区', level: 'town' }, { name: 'x'.repeat(61) }]) {
      const res = await request(s.url).post('/api/regions').set(as('admin')).send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 422 });
    }
    expect((await request(s.url).post('/api/regions').send({ name: '无登录区' })).status).toBe(401);
  });
});

describe('GET /api/cooperatives/:id/invitations', () => {
  test('the coop admin sees the invitations of the cooperative, newest first, with revocation and enterprise', async () => {
    const general = await invite({ maxUses: 3 });
    // SQLite's CURRENT_TIMESTAMP counts whole seconds: two invitations in one second have no order to test
    await new Promise((r) => setTimeout(r, 1100));
    const forA1 = await invite({ enterpriseId: w.a1.id });
    const res = await request(s.url).get(`/api/cooperatives/${w.coopA.id}/invitations`).set(as('leadA'));
    expect(res.status).toBe(200);
    const codes = res.body.items.map((i: { code: string }) => i.code);
    expect(codes.indexOf(forA1.code)).toBeLessThan(codes.indexOf(general.code));
    expect(codes.indexOf(forA1.code)).toBeGreaterThanOrEqual(0);
    expect(res.body.items.find((i: { code: string }) => i.code === forA1.code)).toMatchObject({
      cooperativeId: w.coopA.id,
      cooperativeName: '甲镇互助合作社',
      enterpriseId: w.a1.id,
      enterpriseName: '甲镇一号食品厂',
      revokedAt: null,
      joinUrl: forA1.joinUrl,
      qrDataUrl: expect.stringMatching(/^data:image\/png;base64,/),
    });
    expect(res.body.items.find((i: { code: string }) => i.code === general.code)).toMatchObject({ maxUses: 3, uses: 0, enterpriseId: null, enterpriseName: null });
    // Only cooperative A's.
    const inB = await request(s.url).post(`/api/cooperatives/${w.coopB.id}/invitations`).set(as('leadB')).send({});
    expect(codes).not.toContain(inB.body.code);
  });

  test.each<[User, number]>([
    ['admin', 200],
    ['leadA', 200],
    ['memberA1', 403],
    ['supervisorD', 403],
    ['expertD', 403],
    ['leadB', 404],
    ['memberB1', 404],
    ['nobody', 404],
  ])('%s → %i', async (u, status) => {
    const res = await request(s.url).get(`/api/cooperatives/${w.coopA.id}/invitations`).set(as(u));
    expect(res.status).toBe(status);
    if (status !== 200) expect(JSON.stringify(res.body)).not.toMatch(/"code":"[A-Z2-9]{8}"/);
  });

  test('an unknown cooperative is 404', async () => {
    expect((await request(s.url).get('/api/cooperatives/no-such-coop/invitations').set(as('admin'))).status).toBe(404);
  });
});

describe('POST /api/invitations/:code/revoke', () => {
  test('only its coop admin (or the admin) revokes; then it joins nobody and previews as invalid', async () => {
    const inv = await invite();
    expect((await request(s.url).post(`/api/invitations/${inv.code}/revoke`).set(as('leadB'))).status).toBe(404);
    expect((await request(s.url).post(`/api/invitations/${inv.code}/revoke`).set(as('nobody'))).status).toBe(404);
    expect((await request(s.url).post(`/api/invitations/${inv.code}/revoke`).set(as('memberA1'))).status).toBe(403);
    expect((await request(s.url).post(`/api/invitations/${inv.code}/revoke`).set(as('supervisorD'))).status).toBe(403);
    const before = await request(s.url).get(`/api/invitations/${inv.code}`);
    expect(before.body.valid).toBe(true);

    const revoked = await request(s.url).post(`/api/invitations/${inv.code}/revoke`).set(as('leadA'));
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ code: inv.code, revokedAt: expect.any(String) });
    expect(Math.abs(Date.parse(revoked.body.revokedAt) - s.clock.now().getTime())).toBeLessThan(60_000);
    const again = await request(s.url).post(`/api/invitations/${inv.code}/revoke`).set(as('admin'));
    expect(again.status).toBe(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);

    const preview = await request(s.url).get(`/api/invitations/${inv.code}`);
    expect(preview.body.valid).toBe(false);
    const stranger = (await request(s.url).post('/api/auth/wechat').send({ code: s.wechat.issueCode() })).body.token as string;
    const accept = await request(s.url)
      .post(`/api/invitations/${inv.code}/accept`)
      .set({ Authorization: `Bearer ${stranger}` })
      .send({ enterprise: enterpriseInput() });
    expect(accept.status).toBe(409);
    expect(accept.body.error).toMatchObject({ code: 'INVITATION_REVOKED', message: '邀请码已作废' });
    const listed = await request(s.url).get(`/api/cooperatives/${w.coopA.id}/invitations`).set(as('leadA'));
    expect(listed.body.items.find((i: { code: string }) => i.code === inv.code).revokedAt).toBe(revoked.body.revokedAt);
  });

  test('unknown, malformed and anonymous', async () => {
    expect((await request(s.url).post('/api/invitations/ZZZZZZZZ/revoke').set(as('admin'))).status).toBe(404);
    expect((await request(s.url).post('/api/invitations/abc/revoke').set(as('admin'))).status).toBe(422);
    expect((await request(s.url).post(`/api/invitations/${(await invite()).code}/revoke`)).status).toBe(401);
  });
});

describe('public preview and QR image', () => {
  test('the preview needs no login and names the cooperative (and the enterprise, when issued for one)', async () => {
    const general = await invite();
    const res = await request(s.url).get(`/api/invitations/${general.code}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      code: general.code,
      cooperativeId: w.coopA.id,
      cooperativeName: '甲镇互助合作社',
      regionName: '甲镇',
      expiresAt: expect.any(String),
      valid: true,
      enterpriseId: null,
      enterpriseName: null,
    });
    const forA2 = await invite({ enterpriseId: w.a2.id });
    expect((await request(s.url).get(`/api/invitations/${forA2.code}`)).body).toMatchObject({ enterpriseId: w.a2.id, enterpriseName: '甲镇二号玩具厂' });
    expect((await request(s.url).get('/api/invitations/ZZZZZZZZ')).status).toBe(404);
    // Nothing private in it.
    expect(JSON.stringify(res.body)).not.toContain(w.a1.creditCode);
  });

  test('the QR image is a PNG of the join link, public; 404 for an unknown code', async () => {
    const inv = await invite();
    const res = await request(s.url).get(`/api/invitations/${inv.code}/qrcode.png`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    const body = res.body as Buffer;
    expect(body.subarray(1, 4).toString()).toBe('PNG');
    // Same bytes as a QR code of the join link: the image encodes exactly that URL.
    const expected = await QRCode.toBuffer(inv.joinUrl, { margin: 2, width: 360, errorCorrectionLevel: 'M', type: 'png' });
    expect(body.equals(expected)).toBe(true);
    const unknown = await request(s.url).get('/api/invitations/ZZZZZZZZ/qrcode.png');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('NOT_FOUND');
    expect((await request(s.url).get('/api/invitations/abc/qrcode.png')).status).toBe(422);
  });
});

test('the new routes are in the OpenAPI document with their shapes', async () => {
  const doc = (await request(s.url).get('/api/openapi.json')).body;
  expect(doc.paths['/api/regions'].post.responses['201'].content['application/json'].schema.properties).toHaveProperty('level');
  const list = doc.paths['/api/cooperatives/{id}/invitations'].get.responses['200'].content['application/json'].schema;
  expect(list.properties.items.items.properties).toHaveProperty('revokedAt');
  expect(list.properties.items.items.properties).toHaveProperty('enterpriseName');
  expect(doc.paths['/api/invitations/{code}/revoke'].post.responses['200']).toBeDefined();
  expect(doc.paths['/api/invitations/{code}/qrcode.png'].get.responses['200'].content).toHaveProperty('image/png');
  expect(doc.paths['/api/invitations/{code}'].get.responses['200'].content['application/json'].schema.properties).toHaveProperty('enterpriseName');
});
