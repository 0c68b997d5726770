// Demo data: every demo enterprise has 2–6 workshops with working QR tokens and manual codes.
import request from 'supertest';
import { EnterpriseEntity } from '../../server/src/org/enterprise.entity';
import { WorkshopEntity } from '../../server/src/workshops/workshop.entity';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ demo: true });
});
afterAll(() => s.close());

test('every demo enterprise has 2–6 workshops, each with its own token and manual code', async () => {
  const enterprises = await s.db.getRepository(EnterpriseEntity).find();
  const workshops = await s.db.getRepository(WorkshopEntity).find();
  expect(enterprises.length).toBeGreaterThan(10);
  for (const e of enterprises) {
    const n = workshops.filter((w) => w.enterpriseId === e.id).length;
    expect([e.name, n >= 2 && n <= 6]).toEqual([e.name, true]);
  }
  expect(new Set(workshops.map((w) => w.qrToken)).size).toBe(workshops.length);
  expect(new Set(workshops.map((w) => w.manualCode)).size).toBe(workshops.length);
  expect(workshops.every((w) => /^[A-Za-z0-9_-]{32}$/.test(w.qrToken))).toBe(true);
});

test('demo-member scans a workshop of their own enterprise and may start a self patrol', async () => {
  const login = await request(s.url).post('/api/auth/password').send({ username: 'demo-member', password: 'demo-pass-2026' });
  const me = await request(s.url).get('/api/me').set('Authorization', `Bearer ${login.body.token}`);
  const enterpriseId = (me.body.roles as { enterpriseId?: string }[]).find((g) => g.enterpriseId)?.enterpriseId as string;
  const list = await request(s.url).get(`/api/enterprises/${enterpriseId}/workshops`).set('Authorization', `Bearer ${login.body.token}`);
  expect(list.status).toBe(200);
  const ws = list.body.items[0];
  const res = await request(s.url).get('/api/scan').query({ code: ws.qrUrl }).set('Authorization', `Bearer ${login.body.token}`);
  expect(res.status).toBe(200);
  expect(res.body.actions).toEqual([{ type: 'start_self_patrol', workshopId: ws.id }]);
});
