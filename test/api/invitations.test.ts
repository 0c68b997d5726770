// Joining a cooperative by invitation: WeChat user → invitation → enterprise → member directory.
import request from 'supertest';
import { Builders, type World, enterpriseInput, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';
import { MembershipEntity } from '../../server/src/org/membership.entity';

// Parallel suites on 2 shared cores: a QR image or a login can take a second.
jest.setTimeout(60_000);

let s: TestServer;
let w: World;
let b: Builders;
let leadA: string;

beforeAll(async () => {
  s = await startTestServer({ env: { PUBLIC_URL: 'https://anquan.example.cn' } });
  b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  leadA = await b.token('leadA');
});
afterAll(() => s.close());

const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

async function wechatUser(openid?: string): Promise<string> {
  const res = await request(s.url).post('/api/auth/wechat').send({ code: s.wechat.issueCode(openid) });
  expect(res.status).toBe(200);
  return res.body.token;
}

async function invite(body: object = {}): Promise<{ code: string; expiresAt: string; joinUrl: string; qrDataUrl: string }> {
  const res = await request(s.url).post(`/api/cooperatives/${w.coopA.id}/invitations`).set(bearer(leadA)).send(body);
  expect(res.status).toBe(201);
  return res.body;
}

test('an invitation has a code, an expiry, a join link and a QR image of that link', async () => {
  const inv = await invite({ expiresInDays: 7 });
  expect(inv.code).toMatch(/^[A-Z2-9]{8}$/);
  const days = (Date.parse(inv.expiresAt) - s.clock.now().getTime()) / 86_400_000;
  expect(days).toBeCloseTo(7, 2);
  expect(inv.joinUrl).toBe(`https://anquan.example.cn/packages/org/pages/join/index?code=${inv.code}`);
  const png = Buffer.from(inv.qrDataUrl.replace(/^data:image\/png;base64,/, ''), 'base64');
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.length).toBeGreaterThan(500);
});

test('a new WeChat user has no roles, joins with a new enterprise, then sees the directory', async () => {
  const token = await wechatUser();
  const me0 = await request(s.url).get('/api/me').set(bearer(token));
  expect(me0.body.roles).toEqual([]);
  expect(me0.body.hasWechat).toBe(true);
  expect((await request(s.url).get(`/api/enterprises?cooperativeId=${w.coopA.id}`).set(bearer(token))).status).toBe(404);

  const inv = await invite();
  const preview = await request(s.url).get(`/api/invitations/${inv.code}`).set(bearer(token));
  expect(preview.status).toBe(200);
  expect(preview.body).toMatchObject({ cooperativeName: '甲镇互助合作社', regionName: '甲镇', valid: true });

  const input = enterpriseInput({ name: '新加入的五金厂' });
  const joined = await request(s.url).post(`/api/invitations/${inv.code}/accept`).set(bearer(token)).send({ enterprise: input });
  expect(joined.status).toBe(200);
  expect(joined.body.enterprise).toMatchObject({ name: '新加入的五金厂', creditCode: input.creditCode, regionId: w.ta.id });
  expect(joined.body.enterprise.memberships).toEqual([
    expect.objectContaining({ cooperativeId: w.coopA.id, cooperativeName: '甲镇互助合作社', until: null, isLead: false }),
  ]);
  expect(joined.body.user.roles).toEqual([{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: joined.body.enterprise.id }]);

  const dir = await request(s.url).get(`/api/enterprises?cooperativeId=${w.coopA.id}&q=五金`).set(bearer(token));
  expect(dir.status).toBe(200);
  expect(dir.body.items.map((e: { name: string }) => e.name)).toEqual(['新加入的五金厂']);
  // Still nothing of the other cooperative.
  expect((await request(s.url).get(`/api/cooperatives/${w.coopB.id}`).set(bearer(token))).status).toBe(404);
});

test('accepting twice (a phone retrying) joins once and uses the invitation once', async () => {
  const token = await wechatUser();
  const inv = await invite({ maxUses: 5 });
  const body = { enterprise: enterpriseInput() };
  const first = await request(s.url).post(`/api/invitations/${inv.code}/accept`).set(bearer(token)).send(body);
  const second = await request(s.url).post(`/api/invitations/${inv.code}/accept`).set(bearer(token)).send(body);
  expect(first.status).toBe(200);
  expect(second.status).toBe(200);
  expect(second.body.enterprise.id).toBe(first.body.enterprise.id);
  expect(second.body.user.roles).toHaveLength(1);
  expect(second.body.enterprise.memberships).toHaveLength(1);
  const coop = await request(s.url).get(`/api/cooperatives/${w.coopA.id}`).set(bearer(leadA));
  const members = await request(s.url).get(`/api/enterprises?cooperativeId=${w.coopA.id}&pageSize=100`).set(bearer(leadA));
  expect(coop.body.memberCount).toBe(members.body.total);
  expect(members.body.items.filter((e: { id: string }) => e.id === first.body.enterprise.id)).toHaveLength(1);
});

test('an existing member joins another cooperative with the enterprise they already belong to', async () => {
  const leadB = await b.token('leadB');
  const inv = await request(s.url).post(`/api/cooperatives/${w.coopB.id}/invitations`).set(bearer(leadB)).send({});
  const memberA1 = await b.token('memberA1');
  const res = await request(s.url).post(`/api/invitations/${inv.body.code}/accept`).set(bearer(memberA1)).send({ enterpriseId: w.a1.id });
  expect(res.status).toBe(200);
  expect(res.body.enterprise.memberships.map((m: { cooperativeId: string }) => m.cooperativeId).sort()).toEqual([w.coopA.id, w.coopB.id].sort());
  // …but not with someone else's enterprise.
  const other = await request(s.url).post(`/api/invitations/${inv.body.code}/accept`).set(bearer(memberA1)).send({ enterpriseId: w.a2.id });
  expect(other.status).toBe(404);
});

test("an enterprise that already has people cannot be claimed by its credit code", async () => {
  const token = await wechatUser();
  const inv = await invite();
  const res = await request(s.url)
    .post(`/api/invitations/${inv.code}/accept`)
    .set(bearer(token))
    .send({ enterprise: enterpriseInput({ creditCode: w.a1.creditCode }) });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('CREDIT_CODE_TAKEN');
  expect((await request(s.url).get('/api/me').set(bearer(token))).body.roles).toEqual([]);
});

test("the claim attack: the general code does not hand over a pre-registered enterprise by its credit code", async () => {
  const created = await request(s.url).post('/api/enterprises').set(bearer(leadA)).send({ ...enterpriseInput({ name: '管理员代登记的厂' }), cooperativeId: w.coopA.id });
  expect(created.status).toBe(201);
  const stranger = await wechatUser();
  const inv = await invite();
  const res = await request(s.url)
    .post(`/api/invitations/${inv.code}/accept`)
    .set(bearer(stranger))
    .send({ enterprise: enterpriseInput({ creditCode: created.body.creditCode, name: '随便写的名字' }) });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('CREDIT_CODE_TAKEN');
  expect(JSON.stringify(res.body)).not.toContain('管理员代登记的厂');
  expect((await request(s.url).get('/api/me').set(bearer(stranger))).body.roles).toEqual([]);
  expect((await request(s.url).get(`/api/enterprises/${created.body.id}`).set(bearer(stranger))).status).toBe(404);
  expect((await request(s.url).patch(`/api/enterprises/${created.body.id}`).set(bearer(stranger)).send({ headcount: 1 })).status).toBe(404);
  expect((await request(s.url).get(`/api/enterprises?cooperativeId=${w.coopA.id}`).set(bearer(stranger))).status).toBe(404);
  // Nor by naming its id.
  const byId = await request(s.url).post(`/api/invitations/${inv.code}/accept`).set(bearer(stranger)).send({ enterpriseId: created.body.id });
  expect(byId.status).toBe(404);
  const after = await request(s.url).get(`/api/enterprises/${created.body.id}`).set(bearer(leadA));
  expect(after.body.headcount).toBe(created.body.headcount);
});

test('a pre-registered enterprise is claimed with the invitation issued for it, and only it', async () => {
  const created = await request(s.url).post('/api/enterprises').set(bearer(leadA)).send({ ...enterpriseInput({ name: '等待认领的厂' }), cooperativeId: w.coopA.id });
  const inv = await invite({ enterpriseId: created.body.id, maxUses: 2 });
  expect(inv).toMatchObject({ enterpriseId: created.body.id, enterpriseName: '等待认领的厂', revokedAt: null });
  // The link names the enterprise to whoever opens it, signed in or not.
  const preview = await request(s.url).get(`/api/invitations/${inv.code}`);
  expect(preview.status).toBe(200);
  expect(preview.body).toMatchObject({ enterpriseId: created.body.id, enterpriseName: '等待认领的厂', valid: true });
  const owner = await wechatUser();
  // It joins no other enterprise: neither a new one nor one the caller names.
  const other = await request(s.url).post(`/api/invitations/${inv.code}/accept`).set(bearer(owner)).send({ enterprise: enterpriseInput() });
  expect(other.status).toBe(409);
  expect(other.body.error.code).toBe('INVITATION_FOR_OTHER_ENTERPRISE');
  const otherId = await request(s.url).post(`/api/invitations/${inv.code}/accept`).set(bearer(owner)).send({ enterpriseId: w.a1.id });
  expect(otherId.status).toBe(409);
  expect((await request(s.url).get('/api/me').set(bearer(owner))).body.roles).toEqual([]);

  const claimed = await request(s.url).post(`/api/invitations/${inv.code}/accept`).set(bearer(owner)).send({ enterpriseId: created.body.id });
  expect(claimed.status).toBe(200);
  expect(claimed.body.enterprise).toMatchObject({ id: created.body.id, name: '等待认领的厂' });
  expect(claimed.body.enterprise.memberships).toHaveLength(1);
  expect(claimed.body.user.roles).toEqual([{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: created.body.id }]);
  expect((await request(s.url).patch(`/api/enterprises/${created.body.id}`).set(bearer(owner)).send({ headcount: 42 })).status).toBe(200);
  // A colleague claims with the same invitation by typing the credit code: that works too, and uses it up.
  const colleague = await wechatUser();
  const second = await request(s.url)
    .post(`/api/invitations/${inv.code}/accept`)
    .set(bearer(colleague))
    .send({ enterprise: enterpriseInput({ creditCode: created.body.creditCode }) });
  expect(second.status).toBe(200);
  expect(second.body.enterprise.id).toBe(created.body.id);
  const list = await request(s.url).get(`/api/cooperatives/${w.coopA.id}/invitations`).set(bearer(leadA));
  expect(list.body.items.find((i: { code: string }) => i.code === inv.code).uses).toBe(2);
  const third = await request(s.url).post(`/api/invitations/${inv.code}/accept`).set(bearer(await wechatUser())).send({ enterpriseId: created.body.id });
  expect(third.status).toBe(409);
  expect(third.body.error.code).toBe('INVITATION_USED_UP');
});

test("an invitation can only be issued for an active member of the coop admin's own cooperative", async () => {
  for (const enterpriseId of [w.b1.id, 'no-such-enterprise']) {
    const res = await request(s.url).post(`/api/cooperatives/${w.coopA.id}/invitations`).set(bearer(leadA)).send({ enterpriseId });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.enterpriseId).toBe('该企业不是本合作社的成员');
  }
});

test('the general code joins an enterprise the caller already belongs to, also typed by credit code', async () => {
  const leadB = await b.token('leadB');
  const inv = await request(s.url).post(`/api/cooperatives/${w.coopB.id}/invitations`).set(bearer(leadB)).send({});
  const memberA2 = await b.token('memberA2');
  const res = await request(s.url)
    .post(`/api/invitations/${inv.body.code}/accept`)
    .set(bearer(memberA2))
    .send({ enterprise: enterpriseInput({ creditCode: w.a2.creditCode }) });
  expect(res.status).toBe(200);
  expect(res.body.enterprise.id).toBe(w.a2.id);
});

test("the side door: a desk user of a shared enterprise gets no grant from the other cooperative's dead codes", async () => {
  // Enterprise S belongs to both cooperatives; leadA mints a desk user for it in A.
  const shared = await b.enterprise(w.coopA, { name: '两社共有的厂' });
  await s.db.getRepository(MembershipEntity).insert({ cooperativeId: w.coopB.id, enterpriseId: shared.id, since: '2024-03-01' });
  const minted = await request(s.url)
    .post('/api/users')
    .set(bearer(leadA))
    .send({ username: 'desk-shared', password: 'long-enough-1', name: '前台', roles: [{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: shared.id }] });
  expect(minted.status).toBe(201);
  const desk = (await request(s.url).post('/api/auth/password').send({ username: 'desk-shared', password: 'long-enough-1' })).body.token as string;

  const leadB = await b.token('leadB');
  const mk = async (body: object) => (await request(s.url).post(`/api/cooperatives/${w.coopB.id}/invitations`).set(bearer(leadB)).send(body)).body.code as string;
  const expired = await mk({ expiresInDays: 1 });
  const usedUp = await mk({ maxUses: 1 });
  expect((await request(s.url).post(`/api/invitations/${usedUp}/accept`).set(bearer(await wechatUser())).send({ enterprise: enterpriseInput() })).status).toBe(200);
  const revoked = await mk({});
  expect((await request(s.url).post(`/api/invitations/${revoked}/revoke`).set(bearer(leadB))).status).toBe(200);

  const tryJoin = (code: string) => request(s.url).post(`/api/invitations/${code}/accept`).set(bearer(desk)).send({ enterpriseId: shared.id });
  expect((await tryJoin(usedUp)).body.error.code).toBe('INVITATION_USED_UP');
  expect((await tryJoin(revoked)).body.error.code).toBe('INVITATION_REVOKED');
  s.clock.advance(2 * 86_400_000);
  try {
    const res = await tryJoin(expired);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVITATION_EXPIRED');
  } finally {
    s.clock.advance(-2 * 86_400_000);
  }
  const me = await request(s.url).get('/api/me').set(bearer(desk));
  expect(me.body.roles).toEqual([{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: shared.id }]);
  expect((await request(s.url).get(`/api/enterprises?cooperativeId=${w.coopB.id}`).set(bearer(desk))).status).toBe(404);
  expect((await request(s.url).get(`/api/cooperatives/${w.coopB.id}`).set(bearer(desk))).status).toBe(404);
});

test("another cooperative's registered enterprise cannot be claimed with this cooperative's invitation", async () => {
  const leadB = await b.token('leadB');
  const inB = await request(s.url).post('/api/enterprises').set(bearer(leadB)).send({ ...enterpriseInput({ name: '乙镇代登记的厂' }), cooperativeId: w.coopB.id });
  expect(inB.status).toBe(201);
  const token = await wechatUser();
  const inv = await invite();
  const res = await request(s.url)
    .post(`/api/invitations/${inv.code}/accept`)
    .set(bearer(token))
    .send({ enterprise: enterpriseInput({ creditCode: inB.body.creditCode }) });
  expect(res.status).toBe(409);
  expect(res.body.error.code).toBe('CREDIT_CODE_TAKEN');
  expect(JSON.stringify(res.body)).not.toContain('乙镇代登记的厂');
  expect((await request(s.url).get(`/api/enterprises/${inB.body.id}`).set(bearer(token))).status).toBe(404);
  const after = await request(s.url).get(`/api/enterprises/${inB.body.id}`).set(bearer(leadB));
  expect(after.body.memberships.map((m: { cooperativeId: string }) => m.cooperativeId)).toEqual([w.coopB.id]);
});

test('an expired invitation cannot be used to claim the enterprise it was issued for', async () => {
  const created = await request(s.url).post('/api/enterprises').set(bearer(leadA)).send({ ...enterpriseInput(), cooperativeId: w.coopA.id });
  const inv = await invite({ expiresInDays: 1, enterpriseId: created.body.id });
  const token = await wechatUser();
  s.clock.advance(2 * 86_400_000);
  try {
    const res = await request(s.url)
      .post(`/api/invitations/${inv.code}/accept`)
      .set(bearer(token))
      .send({ enterprise: enterpriseInput({ creditCode: created.body.creditCode }) });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVITATION_EXPIRED');
    expect((await request(s.url).get('/api/me').set(bearer(token))).body.roles).toEqual([]);
  } finally {
    s.clock.advance(-2 * 86_400_000);
  }
});

test('expired and used-up invitations are refused, and nothing is half-written', async () => {
  const inv = await invite({ maxUses: 1 });
  const first = await wechatUser();
  expect((await request(s.url).post(`/api/invitations/${inv.code}/accept`).set(bearer(first)).send({ enterprise: enterpriseInput() })).status).toBe(200);
  const second = await wechatUser();
  const input = enterpriseInput();
  const usedUp = await request(s.url).post(`/api/invitations/${inv.code}/accept`).set(bearer(second)).send({ enterprise: input });
  expect(usedUp.status).toBe(409);
  expect(usedUp.body.error.code).toBe('INVITATION_USED_UP');
  // The enterprise of the refused join was rolled back: registering it again works.
  expect((await request(s.url).post('/api/enterprises').set(bearer(leadA)).send({ ...input, cooperativeId: w.coopA.id })).status).toBe(201);

  const later = await invite({ expiresInDays: 1 });
  s.clock.advance(2 * 86_400_000);
  try {
    const preview = await request(s.url).get(`/api/invitations/${later.code}`).set(bearer(second));
    expect(preview.body.valid).toBe(false);
    const expired = await request(s.url).post(`/api/invitations/${later.code}/accept`).set(bearer(second)).send({ enterprise: enterpriseInput() });
    expect(expired.status).toBe(409);
    expect(expired.body.error.code).toBe('INVITATION_EXPIRED');
  } finally {
    s.clock.advance(-2 * 86_400_000);
  }
});

test('unknown and malformed codes', async () => {
  const token = await wechatUser();
  expect((await request(s.url).get('/api/invitations/ZZZZZZZZ').set(bearer(token))).status).toBe(404);
  const bad = await request(s.url).get('/api/invitations/abc').set(bearer(token));
  expect(bad.status).toBe(422);
  expect(bad.body.error.code).toBe('VALIDATION_FAILED');
  const badCredit = await request(s.url)
    .post(`/api/invitations/${(await invite()).code}/accept`)
    .set(bearer(token))
    .send({ enterprise: enterpriseInput({ creditCode: '91371102MA30000010' }) });
  expect(badCredit.status).toBe(422);
  expect(badCredit.body.error.fields['enterprise.creditCode']).toContain('统一社会信用代码');
});

test('two phones racing for the last use: exactly one joins', async () => {
  const inv = await invite({ maxUses: 1 });
  const [t1, t2] = [await wechatUser(), await wechatUser()];
  const results = await Promise.all(
    [t1, t2].map((t) => request(s.url).post(`/api/invitations/${inv.code}/accept`).set(bearer(t)).send({ enterprise: enterpriseInput() })),
  );
  expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
});
