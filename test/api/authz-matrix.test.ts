// Each role × each route × own/foreign ids: who may read or change which cooperative's data.
// A 404 (not 403) where the caller may not even know the record exists (docs/api.md).
import request from 'supertest';
import { Builders, type World, enterpriseInput, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

const USERS = ['admin', 'leadA', 'memberA1', 'memberA2', 'leadB', 'memberB1', 'supervisorD', 'supervisorTB', 'expertD', 'nobody'] as const;
type User = (typeof USERS)[number];

let s: TestServer;
let w: World;
const tokens = {} as Record<User, string>;

beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  for (const u of USERS) tokens[u] = await b.token(u);
});
afterAll(() => s.close());

const as = (u: User) => ({ Authorization: `Bearer ${tokens[u]}` });

/** Expected status per user; users not listed get `otherwise`. */
function expectations(map: Partial<Record<User, number>>, otherwise: number): [User, number][] {
  return USERS.map((u) => [u, map[u] ?? otherwise]);
}

describe('GET /api/cooperatives/:id (cooperative A)', () => {
  test.each(expectations({ admin: 200, leadA: 200, memberA1: 200, memberA2: 200, supervisorD: 200, expertD: 200 }, 404))(
    '%s → %i',
    async (u, status) => {
      const res = await request(s.url).get(`/api/cooperatives/${w.coopA.id}`).set(as(u));
      expect(res.status).toBe(status);
      if (status === 404) expect(JSON.stringify(res.body)).not.toContain('甲镇');
      else expect(res.body.name).toBe('甲镇互助合作社');
    },
  );
});

describe('GET /api/enterprises/:id (enterprise A1, full record)', () => {
  test.each(expectations({ admin: 200, leadA: 200, memberA1: 200, supervisorD: 200 }, 404))('%s → %i', async (u, status) => {
    const res = await request(s.url).get(`/api/enterprises/${w.a1.id}`).set(as(u));
    expect(res.status).toBe(status);
    if (status === 200) expect(res.body.creditCode).toBe(w.a1.creditCode);
    else expect(JSON.stringify(res.body)).not.toContain(w.a1.creditCode);
  });
});

describe('PATCH /api/enterprises/:id (enterprise A1)', () => {
  test.each(expectations({ admin: 200, leadA: 200, memberA1: 200, supervisorD: 403 }, 404))('%s → %i', async (u, status) => {
    const res = await request(s.url).patch(`/api/enterprises/${w.a1.id}`).set(as(u)).send({ headcount: 50 });
    expect(res.status).toBe(status);
  });
});

describe('GET /api/enterprises?cooperativeId=A (member directory)', () => {
  test.each(expectations({ admin: 200, leadA: 200, memberA1: 200, memberA2: 200, supervisorD: 200, expertD: 200 }, 404))(
    '%s → %i',
    async (u, status) => {
      const res = await request(s.url).get(`/api/enterprises?cooperativeId=${w.coopA.id}`).set(as(u));
      expect(res.status).toBe(status);
      if (status !== 200) return;
      expect(res.body.total).toBe(3);
      expect(res.body.items[0].name).toBe('甲镇龙头乙炔厂');
      expect(res.body.items[0].isLead).toBe(true);
    },
  );

  test('fellow members see directory fields only; the coop admin sees contacts', async () => {
    const fellow = await request(s.url).get(`/api/enterprises?cooperativeId=${w.coopA.id}`).set(as('memberA2'));
    const a1 = fellow.body.items.find((e: { id: string }) => e.id === w.a1.id);
    expect(a1.name).toBe('甲镇一号食品厂');
    expect(a1.contactPhone).toBeUndefined();
    expect(a1.creditCode).toBeUndefined();
    const own = fellow.body.items.find((e: { id: string }) => e.id === w.a2.id);
    expect(own.creditCode).toBe(w.a2.creditCode);
    const lead = await request(s.url).get(`/api/enterprises?cooperativeId=${w.coopA.id}`).set(as('leadA'));
    expect(lead.body.items.every((e: { contactPhone?: string }) => typeof e.contactPhone === 'string')).toBe(true);
  });
});

describe('GET /api/enterprises without a cooperative: only readable cooperatives', () => {
  test.each<[User, string[]]>([
    ['admin', ['A', 'B']],
    ['leadA', ['A']],
    ['memberA1', ['A']],
    ['leadB', ['B']],
    ['memberB1', ['B']],
    ['supervisorD', ['A', 'B']],
    ['supervisorTB', ['B']],
    ['nobody', []],
  ])('%s sees cooperatives %j', async (u, coops) => {
    const res = await request(s.url).get('/api/enterprises?pageSize=100').set(as(u));
    expect(res.status).toBe(200);
    const ids = new Set(res.body.items.map((e: { cooperativeId: string }) => e.cooperativeId));
    const expected = new Set(coops.map((c) => (c === 'A' ? w.coopA.id : w.coopB.id)));
    expect(ids).toEqual(expected);
  });
});

describe('GET /api/cooperatives (list)', () => {
  test.each<[User, string[]]>([
    ['admin', ['甲镇互助合作社', '乙镇互助合作社']],
    ['leadA', ['甲镇互助合作社']],
    ['memberB1', ['乙镇互助合作社']],
    ['supervisorD', ['甲镇互助合作社', '乙镇互助合作社']],
    ['supervisorTB', ['乙镇互助合作社']],
    ['expertD', ['甲镇互助合作社', '乙镇互助合作社']],
    ['nobody', []],
  ])('%s sees %j', async (u, names) => {
    const res = await request(s.url).get('/api/cooperatives').set(as(u));
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { name: string }) => c.name).sort()).toEqual([...names].sort());
    expect(res.body.total).toBe(names.length);
  });
});

describe('POST /api/cooperatives/:id/invitations (cooperative A)', () => {
  test.each(expectations({ admin: 201, leadA: 201, memberA1: 403, memberA2: 403, supervisorD: 403, expertD: 403 }, 404))(
    '%s → %i',
    async (u, status) => {
      const res = await request(s.url).post(`/api/cooperatives/${w.coopA.id}/invitations`).set(as(u)).send({});
      expect(res.status).toBe(status);
    },
  );
});

describe('POST /api/enterprises into cooperative A', () => {
  test.each(expectations({ admin: 201, leadA: 201, memberA1: 403, memberA2: 403, supervisorD: 403, expertD: 403 }, 404))(
    '%s → %i',
    async (u, status) => {
      const res = await request(s.url).post('/api/enterprises').set(as(u)).send({ ...enterpriseInput(), cooperativeId: w.coopA.id });
      expect(res.status).toBe(status);
    },
  );
});

describe('POST /api/cooperatives in town A', () => {
  test.each(expectations({ admin: 201, supervisorD: 201 }, 403))('%s → %i', async (u, status) => {
    const res = await request(s.url).post('/api/cooperatives').set(as(u)).send({ name: `${u}建的合作社`, regionId: w.ta.id, industry: '食品加工' });
    expect(res.status).toBe(status);
  });
});

describe('POST /api/users with a member role of enterprise A1 in cooperative A', () => {
  test.each(expectations({ admin: 201, leadA: 201 }, 403))('%s → %i', async (u, status) => {
    const res = await request(s.url)
      .post('/api/users')
      .set(as(u))
      .send({ username: `staff-by-${u}`, password: 'long-enough-1', name: '新员工', roles: [{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.a1.id }] });
    expect(res.status).toBe(status);
  });

  test('a coop admin cannot grant roles outside their cooperative or above their own', async () => {
    const grants = [
      { role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.b1.id }, // B1 is not a member of A
      { role: 'member', cooperativeId: w.coopB.id, enterpriseId: w.b1.id },
      { role: 'coop_admin', cooperativeId: w.coopB.id },
      { role: 'supervisor', regionId: w.d.id },
      { role: 'admin' },
    ];
    for (const [i, g] of grants.entries()) {
      const res = await request(s.url)
        .post('/api/users')
        .set(as('leadA'))
        .send({ username: `escalate-${i}`, password: 'long-enough-1', name: '越权', roles: [g] });
      expect({ g, status: res.status }).toEqual({ g, status: 403 });
    }
  });
});
