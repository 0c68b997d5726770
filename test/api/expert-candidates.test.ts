// GET /api/experts/candidates: a registrar (supervisor, coop admin) finds an existing user to register as an
// expert by exact username, bound phone or name; people working under another role are not offered (create
// would refuse them), phones are masked, and nobody else may look people up. SQLite and MariaDB.
import request from 'supertest';
import type { ExpertCandidateList } from '../../shared/schemas/experts';
import { UserEntity } from '../../server/src/users/user.entity';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(120_000);

let s: TestServer;
let w: World;
let b: Builders;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  s = await startTestServer();
  b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  for (const u of ['leadA', 'memberA1', 'supervisorD']) tokens[u] = await b.token(u);
  const wx = await b.user('wxZhou', []);
  await s.db.getRepository(UserEntity).update({ id: wx.id }, { name: '周海峰', phone: '13800138000' });
  await b.user('oldExpert', [{ role: 'expert', regionId: w.d.id }]);
});
afterAll(() => s.close());

const find = (user: string, q: string) => request(s.url).get('/api/experts/candidates').query({ q }).set('Authorization', `Bearer ${tokens[user]}`);

describe('finding an existing user to register as an expert', () => {
  it('by exact username, phone or name, with the phone masked', async () => {
    for (const q of ['WXZHOU', '13800138000', '周海峰']) {
      const res = await find('supervisorD', q);
      expect(res.status).toBe(200);
      const body = res.body as ExpertCandidateList;
      expect(body.items).toEqual([{ userId: expect.any(String), name: '周海峰', username: 'wxzhou', phone: '138****8000', isExpert: false }]);
    }
    // a part of a name or number is no search: the user table is not browsed
    expect((await find('supervisorD', '周海')).body.items).toEqual([]);
    expect((await find('supervisorD', '1380013')).body.items).toEqual([]);
  });

  it('offers experts already registered, never people working under another role', async () => {
    const old = await find('leadA', 'oldExpert');
    expect(old.status).toBe(200);
    expect(old.body.items).toMatchObject([{ username: 'oldexpert', isExpert: true }]);
    const member = await find('leadA', 'memberA1');
    expect(member.status).toBe(200);
    expect(member.body.items).toEqual([]);
  });

  it('is for registrars only, and wants at least 2 characters', async () => {
    expect((await find('memberA1', 'wxZhou')).status).toBe(403);
    const short = await find('supervisorD', 'x');
    expect(short.status).toBe(422);
    expect(short.body.error.fields.q).toBeTruthy();
  });
});
