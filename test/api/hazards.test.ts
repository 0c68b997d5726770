// Hazards as inspections create them: detail with the reported event, who may see one (an assigned
// inspector sees only the hazards of their inspection), and per-cooperative deadline rules.
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addDays, shanghaiDate } from '../../shared/dates';
import { UserEntity } from '../../server/src/users/user.entity';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(120_000);

let s: TestServer;
let w: World;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let checklistId: string;
let itemId: string;

beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  await b.user('otherA2', [{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.a2.id }]);
  await b.user('staffLA', [{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.la.id }]);
  for (const u of ['leadA', 'memberA1', 'memberA2', 'otherA2', 'staffLA', 'leadB', 'memberB1', 'supervisorD']) {
    tokens[u] = await b.token(u);
    ids[u] = (await s.db.getRepository(UserEntity).findOneByOrFail({ username: u.toLowerCase() })).id;
  }
  const list = await as('leadA').get('/api/checklists');
  checklistId = list.body.items.find((c: { familyId: string }) => c.familyId === 'platform-general').id;
  const detail = await as('leadA').get(`/api/checklists/${checklistId}`);
  itemId = detail.body.items.find((i: { photoRequiredOnFail: boolean }) => !i.photoRequiredOnFail).id;
});
afterAll(() => s.close());

const as = (user: string) => ({
  get: (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`),
  post: (path: string, body?: object) => request(s.url).post(path).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
  put: (path: string, body: object) => request(s.url).put(path).set('Authorization', `Bearer ${tokens[user]}`).send(body),
});

async function oneHazard(by: string, inspectionId: string, description: string): Promise<string> {
  const rec = await as(by).post(`/api/inspections/${inspectionId}/results`, {
    hazards: [{ clientId: randomUUID(), itemId, description, category: 'documents' }],
  });
  expect(rec.status).toBe(200);
  const done = await as(by).post(`/api/inspections/${inspectionId}/submit`);
  expect(done.status).toBe(200);
  return done.body.hazards[0].id;
}

describe('hazards', () => {
  let peerHazard: string;
  let selfHazard: string;

  it('per-cooperative deadline rules: the coop admin sets them, submit uses them', async () => {
    expect((await as('memberA1').get(`/api/cooperatives/${w.coopA.id}/deadline-rules`)).body).toEqual({ immediateDays: 0, generalDays: 7, majorDays: 30, majorPlanDays: 3 });
    const rules = { immediateDays: 0, generalDays: 3, majorDays: 20, majorPlanDays: 2 };
    expect((await as('memberA1').put(`/api/cooperatives/${w.coopA.id}/deadline-rules`, rules)).status).toBe(403);
    expect((await as('leadB').put(`/api/cooperatives/${w.coopA.id}/deadline-rules`, rules)).status).toBe(404);
    expect((await as('leadA').put(`/api/cooperatives/${w.coopA.id}/deadline-rules`, { ...rules, generalDays: 0 })).status).toBe(422);
    const set = await as('leadA').put(`/api/cooperatives/${w.coopA.id}/deadline-rules`, rules);
    expect(set.status).toBe(200);
    expect(set.body).toEqual(rules);

    const patrol = await as('memberA1').post('/api/inspections', { type: 'self', checklistId });
    expect(patrol.status).toBe(201);
    selfHazard = await oneHazard('memberA1', patrol.body.id, '自查：安全台账未更新');
    const h = await as('memberA1').get(`/api/hazards/${selfHazard}`);
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ source: 'self', level: 'general', deadline: addDays(shanghaiDate(s.clock.now()), 3), status: 'reported' });
    expect(h.body.events).toEqual([expect.objectContaining({ kind: 'reported', toStatus: 'reported', actorId: ids.memberA1, actorName: 'memberA1' })]);
  });

  it('an assigned inspector sees the hazards of their inspection only', async () => {
    const round = await as('leadA').post('/api/inspections', {
      type: 'mutual', cooperativeId: w.coopA.id, hostEnterpriseId: w.a1.id, scheduledOn: '2026-12-20', checklistId,
      inspectors: [{ userId: ids.memberA2, leader: true }, { userId: ids.staffLA }],
    });
    expect(round.status).toBe(201);
    // The host's earlier self-found hazard is carried forward into the round (回头看), so the group sees it too.
    expect(round.body.carried.map((c: { hazardId: string }) => c.hazardId)).toEqual([selfHazard]);
    expect((await as('memberA2').post(`/api/inspections/${round.body.id}/start`)).status).toBe(200);
    peerHazard = await oneHazard('memberA2', round.body.id, '互查：应急预案未演练');

    for (const [who, peer, self] of [
      ['memberA2', 200, 200],
      ['memberA1', 200, 200],
      ['leadA', 200, 200],
      ['supervisorD', 200, 200],
      ['otherA2', 404, 404],
      ['memberB1', 404, 404],
      ['leadB', 404, 404],
    ] as const) {
      expect([who, (await as(who).get(`/api/hazards/${peerHazard}`)).status, (await as(who).get(`/api/hazards/${selfHazard}`)).status]).toEqual([who, peer, self]);
    }
    const detail = await as('memberA2').get(`/api/hazards/${peerHazard}`);
    expect(detail.body).toMatchObject({ source: 'peer', foundById: ids.memberA2, enterpriseId: w.a1.id, inspectionId: round.body.id });
  });

  it('a hazard the inspector was never shown stays hidden', async () => {
    // A new self patrol at the host after the round: not carried into the round, not the group's business.
    const patrol = await as('memberA1').post('/api/inspections', { type: 'self', checklistId, enterpriseId: w.a1.id });
    const later = await oneHazard('memberA1', patrol.body.id, '自查：消防通道堆物');
    expect((await as('memberA2').get(`/api/hazards/${later}`)).status).toBe(404);
    expect((await as('memberA1').get(`/api/hazards/${later}`)).status).toBe(200);
  });
});
