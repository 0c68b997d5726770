// A photo is served to the people who may see what it is attached to: unattached only to its uploader;
// once on a hazard found in a self patrol, also to the enterprise's readers (coop admin, supervisor),
// never to other tenants. The rules are the hazard and inspection routes' own (ScopeService).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import request from 'supertest';
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
