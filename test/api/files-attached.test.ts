// A photo is served to the people who may see what it is attached to: unattached only to its uploader;
// once on a hazard found in a self patrol, also to the enterprise's readers (coop admin, supervisor),
// never to other tenants. The rules are the hazard and inspection routes' own (ScopeService).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
import { StoredFileEntity } from '../../server/src/files/stored-file.entity';
import { InspectionEntity, InspectionInspectorEntity } from '../../server/src/inspections/inspection.entity';
import { UserEntity } from '../../server/src/users/user.entity';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
let w: World;
let filesDir: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  filesDir = mkdtempSync(join(tmpdir(), 'anquan-files-'));
  s = await startTestServer({ env: { FILES_DIR: filesDir } });
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  for (const u of ['leadA', 'memberA1', 'memberA2', 'memberB1', 'leadB', 'supervisorD', 'supervisorTB']) tokens[u] = await b.token(u);
});
afterAll(async () => {
  await s.close();
  rmSync(filesDir, { recursive: true, force: true });
});

const as = (user: string) => ({
  get: (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`),
  post: (path: string, body?: object) => request(s.url).post(path).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
});

test('a hazard photo: uploader only until attached, then the enterprise’s readers; other tenants never', async () => {
  const shop = (await as('memberA1').post(`/api/enterprises/${w.a1.id}/workshops`, { name: '配电室', riskLevel: 'yellow' })).body.id as string;
  const jpeg = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#888888' } }).jpeg().toBuffer();
  const up = await request(s.url).post('/api/files').set('Authorization', `Bearer ${tokens.memberA1}`).field('workshopId', shop).attach('file', jpeg, 'p.jpg');
  expect(up.status).toBe(201);
  const fileId = up.body.id as string;
  const status = async (u: string) => (await as(u).get(`/api/files/${fileId}`)).status;

  expect(await status('memberA1')).toBe(200);
  for (const u of ['leadA', 'supervisorD', 'memberA2', 'memberB1']) expect([u, await status(u)]).toEqual([u, 404]);

  const patrol = await as('memberA1').post('/api/inspections', { type: 'self', workshopId: shop });
  expect(patrol.status).toBeLessThan(300);
  const rec = await as('memberA1').post(`/api/inspections/${patrol.body.id}/results`, {
    hazards: [{ clientId: randomUUID(), workshopId: shop, description: '配电箱门未上锁', category: 'electrical', photoIds: [fileId] }],
  });
  expect(rec.status).toBe(200);

  // Recorded in the patrol (not yet submitted): readable as the inspection is.
  for (const u of ['memberA1', 'leadA', 'supervisorD']) expect([u, await status(u)]).toEqual([u, 200]);
  for (const u of ['memberA2', 'memberB1', 'leadB', 'supervisorTB']) expect([u, await status(u)]).toEqual([u, 404]);

  // Submitted: the hazard carries it; the same people see it.
  expect((await as('memberA1').post(`/api/inspections/${patrol.body.id}/submit`)).status).toBe(200);
  for (const u of ['leadA', 'supervisorD']) expect([u, await status(u)]).toEqual([u, 200]);
  for (const u of ['memberA2', 'memberB1', 'leadB', 'supervisorTB']) expect([u, await status(u)]).toEqual([u, 404]);
  expect((await as('leadA').get(`/api/files/${fileId}/thumb`)).status).toBe(200);
});

test('an inspector of a mutual round uploads with the round and a host workshop: stamped with the host; others 404', async () => {
  const ids = async (u: string) => (await s.db.getRepository(UserEntity).findOneByOrFail({ username: u.toLowerCase() })).id;
  const checklistId = ((await as('leadA').get('/api/checklists')).body.items as { id: string }[])[0].id;
  const shop = (await as('memberA1').post(`/api/enterprises/${w.a1.id}/workshops`, { name: '包装车间', riskLevel: 'blue' })).body.id as string;
  const ownShop = (await as('memberA2').post(`/api/enterprises/${w.a2.id}/workshops`, { name: '注塑车间', riskLevel: 'blue' })).body.id as string;
  // The round as the coop admin schedules it: host A1, memberA2 leads the group.
  const round = await s.db.getRepository(InspectionEntity).save({
    type: 'mutual', status: 'in_progress', cooperativeId: w.coopA.id, hostEnterpriseId: w.a1.id, workshopId: null, checklistId,
    scheduledOn: '2026-12-01', createdById: await ids('leadA'), previousInspectionId: null, startedAt: new Date(), submittedAt: null, submittedById: null,
  });
  await s.db.getRepository(InspectionInspectorEntity).insert({ inspectionId: round.id, userId: await ids('memberA2'), enterpriseId: w.a2.id, role: 'leader' });
  const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#777777' } }).jpeg().toBuffer();
  const upload = (u: string, fields: Record<string, string>) => {
    let r = request(s.url).post('/api/files').set('Authorization', `Bearer ${tokens[u]}`);
    for (const [k, v] of Object.entries(fields)) r = r.field(k, v);
    return r.attach('file', jpeg, 'p.jpg');
  };

  // memberA2 may not read A1's full record, yet the round vouches for them.
  expect((await as('memberA2').get(`/api/workshops/${shop}`)).status).toBe(404);
  const ok = await upload('memberA2', { inspectionId: round.id, workshopId: shop });
  expect(ok.status).toBe(201);
  expect(await s.db.getRepository(StoredFileEntity).findOneByOrFail({ id: ok.body.id })).toMatchObject({ enterpriseId: w.a1.id, workshopId: shop, inspectionId: round.id });
  expect((await upload('memberA2', { inspectionId: round.id })).status).toBe(201);

  expect((await upload('memberB1', { inspectionId: round.id, workshopId: shop })).status).toBe(404);
  expect((await upload('memberB1', { inspectionId: round.id })).status).toBe(404);
  // A workshop that is not the host's, even one the inspector may read: 404.
  expect((await upload('memberA2', { inspectionId: round.id, workshopId: ownShop })).status).toBe(404);
  expect((await upload('memberA2', { inspectionId: 'no-such-round' })).status).toBe(404);
});
