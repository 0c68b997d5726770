// Scan resolution: a label's token, link, encoded link, scene or manual code → what the caller can do
// there. Own people start a self patrol, assigned inspectors continue their round, readers only look,
// strangers get the same 404 as an unknown code; a rotated label says it is void (410).
import request from 'supertest';
import type { Principal } from '../../shared/policy';
import { ScanService } from '../../server/src/scan/scan.service';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
let w: World;
const tokens: Record<string, string> = {};
let ws: { id: string; qrUrl: string; manualCode: string };
let token: string;

beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  for (const u of ['leadA', 'memberA1', 'memberA2', 'memberB1', 'supervisorD', 'nobody']) tokens[u] = await b.token(u);
  const res = await request(s.url)
    .post(`/api/enterprises/${w.a1.id}/workshops`)
    .set('Authorization', `Bearer ${tokens.memberA1}`)
    .send({ name: '油炸车间', location: '一号厂房', riskLevel: 'orange' });
  ws = res.body;
  token = ws.qrUrl.split('/q/')[1];
});
afterAll(() => s.close());

const scan = (user: string, code: string) => request(s.url).get('/api/scan').query({ code }).set('Authorization', `Bearer ${tokens[user]}`);

test('the enterprise’s own member may start a self patrol, by token, link, encoded link, scan-page link or manual code', async () => {
  const forms = [
    token,
    ws.qrUrl,
    encodeURIComponent(ws.qrUrl),
    `https://other.example.cn/packages/inspect/pages/scan/index?q=${encodeURIComponent(ws.qrUrl)}`,
    ws.manualCode.toLowerCase().replace(/^(...)/, '$1-'),
  ];
  for (const code of forms) {
    const res = await scan('memberA1', code);
    expect([code, res.status]).toEqual([code, 200]);
    expect(res.body).toEqual({
      workshop: { id: ws.id, name: '油炸车间', location: '一号厂房', riskLevel: 'orange' },
      enterprise: { id: w.a1.id, name: '甲镇一号食品厂' },
      actions: [{ type: 'start_self_patrol', workshopId: ws.id }],
    });
  }
});

test('the coop admin and the supervisor see the workshop with nothing to do', async () => {
  for (const u of ['leadA', 'supervisorD']) {
    const res = await scan(u, token);
    expect(res.status).toBe(200);
    expect(res.body.actions).toEqual([]);
  }
});

test('a stranger gets the same 404 as an unknown code: nothing about the workshop', async () => {
  for (const u of ['memberA2', 'memberB1', 'nobody']) {
    const res = await scan(u, token);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('SCAN_UNKNOWN');
    expect(JSON.stringify(res.body)).not.toContain('油炸');
  }
  const unknown = await scan('memberA1', 'A'.repeat(32));
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.code).toBe('SCAN_UNKNOWN');
  expect((await scan('memberA1', 'hello world')).status).toBe(404);
  // A token differing only in letter case is another token (MySQL's collation would say equal).
  const flipped = token.replace(/[a-z]/, (c) => c.toUpperCase());
  if (flipped !== token) expect((await scan('memberA1', flipped)).status).toBe(404);
});

test('an inspector assigned to an open round at the host may continue it (through the inspections hook)', async () => {
  const svc = s.app.get(ScanService) as unknown as { finder: unknown };
  const before = svc.finder;
  // Stand-in for the inspections module's provider: memberA2's people are assigned to round R1 at A1.
  svc.finder = {
    assignedOpenInspectionFor: async (p: Principal, enterpriseId: string) =>
      enterpriseId === w.a1.id && p.grants.some((g) => g.enterpriseId === w.a2.id) ? { id: 'R1' } : null,
  };
  try {
    const res = await scan('memberA2', token);
    expect(res.status).toBe(200);
    expect(res.body.actions).toEqual([{ type: 'continue_inspection', inspectionId: 'R1', workshopId: ws.id }]);
    expect((await scan('memberB1', token)).status).toBe(404);
  } finally {
    svc.finder = before;
  }
});

test('after rotation the old label answers 410 "该标签已作废，请使用新标签"; the new one works', async () => {
  const rotated = await request(s.url).post(`/api/workshops/${ws.id}/rotate-token`).set('Authorization', `Bearer ${tokens.memberA1}`);
  expect(rotated.status).toBe(201);
  for (const old of [token, ws.qrUrl, ws.manualCode]) {
    const res = await scan('memberA1', old);
    expect(res.status).toBe(410);
    expect(res.body.error).toEqual({ code: 'QR_TOKEN_ROTATED', message: '该标签已作废，请使用新标签' });
  }
  expect((await scan('memberA1', rotated.body.qrUrl)).status).toBe(200);
  expect((await scan('memberA1', rotated.body.manualCode)).status).toBe(200);
});

test('a label link opened in a phone browser goes on to the scan page', async () => {
  const res = await request(s.url).get(`/q/${token}`).redirects(0);
  expect(res.status).toBe(302);
  expect(res.headers.location).toBe(`/packages/inspect/pages/scan/index?q=${token}`);
});

test('no code, or a huge one: 422; no login: 401', async () => {
  expect((await request(s.url).get('/api/scan').set('Authorization', `Bearer ${tokens.memberA1}`)).status).toBe(422);
  expect((await scan('memberA1', 'x'.repeat(600))).status).toBe(422);
  expect((await request(s.url).get('/api/scan').query({ code: token })).status).toBe(401);
});
