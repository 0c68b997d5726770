// Two verifiers at once: of 20 simultaneous verifications of one fix exactly one is taken, the others
// answer 409 HAZARD_CHANGED, and the timeline has one decision. The same fix sent 20 times at once
// (a phone retrying) is recorded once. Meant for MariaDB (TEST_DB=mariadb); SQLite runs it too.
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { StoredFileEntity } from '../../server/src/files/stored-file.entity';
import { UserEntity } from '../../server/src/users/user.entity';
import { Builders, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(120_000);

let s: TestServer;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};
let hazardId: string;

const as = (user: string) => ({
  get: (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`),
  post: (path: string, body?: object) => request(s.url).post(path).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
});

beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  const w = await twoCooperatives(b);
  for (const u of ['leadA', 'memberA1', 'memberA2']) {
    tokens[u] = await b.token(u);
    ids[u] = (await s.db.getRepository(UserEntity).findOneByOrFail({ username: u.toLowerCase() })).id;
  }
  const list = await as('leadA').get('/api/checklists');
  const checklistId = list.body.items.find((c: { familyId: string }) => c.familyId === 'platform-general').id;
  const detail = await as('leadA').get(`/api/checklists/${checklistId}`);
  const itemId = detail.body.items.find((i: { photoRequiredOnFail: boolean }) => !i.photoRequiredOnFail).id;
  const la = await b.user('staffLA', [{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.la.id }]);
  const round = await as('leadA').post('/api/inspections', {
    type: 'mutual', cooperativeId: w.coopA.id, hostEnterpriseId: w.a1.id, scheduledOn: '2026-12-20', checklistId,
    inspectors: [{ userId: ids.memberA2, leader: true }, { userId: la.id }],
  });
  await as('memberA2').post(`/api/inspections/${round.body.id}/start`);
  await as('memberA2').post(`/api/inspections/${round.body.id}/results`, {
    hazards: [{ clientId: randomUUID(), itemId, description: '互查：叉车无证驾驶', category: 'documents' }],
    submit: true,
  });
  [{ id: hazardId }] = await s.db.query(`SELECT id FROM hazards WHERE description = '互查：叉车无证驾驶'`);
});
afterAll(() => s.close());

it('the same fix sent 20 times at once is recorded once', async () => {
  const file = await s.db.getRepository(StoredFileEntity).save({
    storageKey: randomBytes(16).toString('hex'), thumbKey: null, mime: 'image/jpeg', size: 1, width: 1, height: 1,
    uploadedById: ids.memberA1, enterpriseId: null, workshopId: null, inspectionId: null,
  });
  const body = { clientId: randomUUID(), measures: '叉车司机持证上岗', cost: 800, responsible: '李主任', photoIds: [file.id] };
  const answers = await Promise.all(Array.from({ length: 20 }, () => as('memberA1').post(`/api/hazards/${hazardId}/rectification`, body)));
  expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
  const events = await s.db.query(`SELECT kind FROM hazard_events WHERE ${s.db.driver.escape('hazardId')} = ?`, [hazardId]);
  expect(events.map((e: { kind: string }) => e.kind).sort()).toEqual(['rectification_submitted', 'reported']);
});

it('20 verifications at once: one 200, nineteen 409 HAZARD_CHANGED, one decision in the timeline', async () => {
  const { version } = (await as('memberA2').get(`/api/hazards/${hazardId}`)).body;
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      as(i % 2 ? 'leadA' : 'memberA2').post(`/api/hazards/${hazardId}/verification`, i % 3 ? { decision: 'accept', version } : { decision: 'reject', note: '照片不清楚', version }),
    ),
  );
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((x) => x === 200)).toHaveLength(1);
  expect(statuses.filter((x) => x === 409)).toHaveLength(19);
  expect(new Set(answers.filter((a) => a.status === 409).map((a) => a.body.error.code))).toEqual(new Set(['HAZARD_CHANGED']));
  const after = (await as('memberA1').get(`/api/hazards/${hazardId}`)).body;
  expect(after.events.filter((e: { kind: string }) => e.kind === 'accepted' || e.kind === 'rejected')).toHaveLength(1);
  expect(after.version).toBe(version + 1);
});
