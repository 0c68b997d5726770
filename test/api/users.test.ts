// Desk users created by a coop admin: they log in with the password and see what their role allows.
import request from 'supertest';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
let w: World;
let leadA: string;

beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  leadA = await b.token('leadA');
});
afterAll(() => s.close());

const create = (body: object) => request(s.url).post('/api/users').set('Authorization', `Bearer ${leadA}`).send(body);

test('a coop admin adds a safety officer to a member enterprise, who can then log in and see it', async () => {
  const res = await create({
    username: 'a1-safety',
    password: 'first-day-2026',
    name: '王安全',
    roles: [{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.a1.id }],
  });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ username: 'a1-safety', name: '王安全', hasWechat: false });
  expect(JSON.stringify(res.body)).not.toMatch(/first-day-2026|scrypt/);
  const login = await request(s.url).post('/api/auth/password').send({ username: 'a1-safety', password: 'first-day-2026' });
  expect(login.status).toBe(200);
  const own = await request(s.url).get(`/api/enterprises/${w.a1.id}`).set('Authorization', `Bearer ${login.body.token}`);
  expect(own.body.name).toBe('甲镇一号食品厂');
  const other = await request(s.url).get(`/api/enterprises/${w.a2.id}`).set('Authorization', `Bearer ${login.body.token}`);
  expect(other.status).toBe(404);
});

test('a taken username → 409 USERNAME_TAKEN, and no second user', async () => {
  const body = { username: 'dup-name', password: 'long-enough-1', name: '甲', roles: [{ role: 'coop_admin', cooperativeId: w.coopA.id }] };
  expect((await create(body)).status).toBe(201);
  const again = await create({ ...body, name: '乙' });
  expect(again.status).toBe(409);
  expect(again.body.error).toMatchObject({ code: 'USERNAME_TAKEN', fields: { username: '用户名已被使用' } });
  const login = await request(s.url).post('/api/auth/password').send({ username: 'dup-name', password: 'long-enough-1' });
  expect(login.body.user.name).toBe('甲');
});

test('weak passwords, bad usernames and empty roles → 422 with Chinese field messages', async () => {
  const res = await create({ username: 'a b', password: 'short', name: '', roles: [] });
  expect(res.status).toBe(422);
  expect(res.body.error.fields).toEqual({
    username: '用户名只能包含字母、数字、下划线、点和短横线',
    password: '密码至少 8 位',
    name: '请填写此项',
    roles: '至少 1 项',
  });
});
