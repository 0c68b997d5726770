// Hazards at every stage in the standard two-cooperative world, made the way people make them: found in a
// mutual round or a self patrol, fixed, verified. For the list, summary, ledger and notice tests.
import { randomBytes, randomUUID } from 'node:crypto';
import sharp from 'sharp';
import request from 'supertest';
import { StoredFileEntity } from '../../server/src/files/stored-file.entity';
import { UserEntity } from '../../server/src/users/user.entity';
import { WorkshopEntity } from '../../server/src/workshops/workshop.entity';
import { Builders, type World, twoCooperatives } from './builders';
import type { TestServer } from './server';

export const USERS = ['admin', 'leadA', 'memberA1', 'memberA2', 'staffLA', 'leadB', 'memberB1', 'supervisorD', 'supervisorTB', 'expertD'] as const;
export type UserName = (typeof USERS)[number];

/** The hazards by what they are (descriptions in `DESCRIPTIONS`). */
export const DESCRIPTIONS = {
  a1Gen: 'A1互查：配电箱箱门缺失',
  a1Major: 'A1互查：液氨罐区无泄漏报警',
  a1Pending: 'A1互查：灭火器压力不足',
  a1Closed: 'A1互查：安全通道堆放杂物',
  a1Now: 'A1互查：电线私拉乱接',
  laPeer: 'LA互查：叉车司机无证驾驶',
  laSelf: 'LA自查：安全出口标识损坏',
  b1Self: 'B1自查：砂轮机防护罩缺失',
  b1Major: 'B1自查：喷漆房未设防爆电器',
} as const;
export type HazardKey = keyof typeof DESCRIPTIONS;

export interface HazardWorld {
  w: World;
  ids: Record<UserName, string>;
  tokens: Record<UserName, string>;
  hz: Record<HazardKey, string>;
  /** R1 at A1 (memberA2 leads, staffLA), R2 at LA (memberA1 leads, memberA2). */
  r1: string;
  r2: string;
  workshopId: string;
  /** Real JPEG uploads on a1Gen and a1Major (before-photos). */
  photoIds: string[];
  as(user: UserName): { get(path: string): request.Test; post(path: string, body?: object): request.Test };
}

export async function hazardWorld(s: TestServer): Promise<HazardWorld> {
  const b = new Builders(s.db, s.url);
  const w = await twoCooperatives(b);
  await b.user('staffLA', [{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.la.id }]);
  const ids = {} as Record<UserName, string>;
  const tokens = {} as Record<UserName, string>;
  for (const u of USERS) {
    tokens[u] = await b.token(u);
    ids[u] = (await s.db.getRepository(UserEntity).findOneByOrFail({ username: u.toLowerCase() })).id;
  }
  const as = (user: UserName) => ({
    get: (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`),
    post: (path: string, body?: object) => request(s.url).post(path).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
  });
  const ok = async (res: Promise<request.Response> | request.Test, status = 200): Promise<request.Response> => {
    const r = await res;
    if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
    return r;
  };

  const list = await as('leadA').get('/api/checklists');
  const checklistId = list.body.items.find((c: { familyId: string }) => c.familyId === 'platform-general').id as string;
  const detail = await as('leadA').get(`/api/checklists/${checklistId}`);
  const itemId = detail.body.items.find((i: { photoRequiredOnFail: boolean }) => !i.photoRequiredOnFail).id as string;
  const shop = await s.db.getRepository(WorkshopEntity).save({
    enterpriseId: w.a1.id, name: '一号包装车间', location: '厂区东侧', responsiblePerson: '李主任', riskLevel: 'orange',
    lecL10: null, lecE10: null, lecC: null, qrToken: randomBytes(12).toString('hex'), manualCode: randomBytes(3).toString('hex').toUpperCase().slice(0, 7),
  });

  const round = async (host: string, leader: UserName, member: UserName) => {
    const r = await ok(
      as('leadA').post('/api/inspections', {
        type: 'mutual', cooperativeId: w.coopA.id, hostEnterpriseId: host, scheduledOn: '2026-12-20', checklistId,
        inspectors: [{ userId: ids[leader], leader: true }, { userId: ids[member], leader: false }],
      }),
      201,
    );
    await ok(as(leader).post(`/api/inspections/${r.body.id}/start`));
    return r.body.id as string;
  };
  type Found = { key: HazardKey; level?: 'general' | 'major'; fixMode?: 'immediate' | 'deadline'; workshopId?: string; photoIds?: string[] };
  const record = async (user: UserName, inspectionId: string, found: Found[]) => {
    await ok(
      as(user).post(`/api/inspections/${inspectionId}/results`, {
        hazards: found.map((f) => ({
          clientId: randomUUID(), itemId, description: DESCRIPTIONS[f.key], category: 'fire', level: f.level ?? 'general',
          fixMode: f.fixMode ?? 'deadline', workshopId: f.workshopId ?? null, photoIds: f.photoIds ?? [],
        })),
        submit: true,
      }),
    );
  };
  const upload = async (user: UserName, inspectionId: string, colour: string) => {
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: colour } }).jpeg().toBuffer();
    const res = await ok(
      request(s.url).post('/api/files').set('Authorization', `Bearer ${tokens[user]}`).field('inspectionId', inspectionId).attach('file', jpeg, { filename: 'p.jpg', contentType: 'image/jpeg' }),
      201,
    );
    return res.body.id as string;
  };

  const r1 = await round(w.a1.id, 'memberA2', 'staffLA');
  const photoIds = [await upload('memberA2', r1, '#aa3322'), await upload('memberA2', r1, '#2233aa')];
  await record('memberA2', r1, [
    { key: 'a1Gen', workshopId: shop.id, photoIds: [photoIds[0]] },
    { key: 'a1Major', level: 'major', photoIds: [photoIds[1]] },
    { key: 'a1Pending' },
    { key: 'a1Closed' },
    { key: 'a1Now', fixMode: 'immediate' },
  ]);
  const r2 = await round(w.la.id, 'memberA1', 'memberA2');
  await record('memberA1', r2, [{ key: 'laPeer' }]);
  const selfLa = await ok(as('leadA').post('/api/inspections', { type: 'self', checklistId }), 201);
  await record('leadA', selfLa.body.id, [{ key: 'laSelf' }]);
  const selfB1 = await ok(as('memberB1').post('/api/inspections', { type: 'self', checklistId }), 201);
  await record('memberB1', selfB1.body.id, [{ key: 'b1Self' }, { key: 'b1Major', level: 'major' }]);

  const rows: { id: string; description: string }[] = await s.db.query('SELECT id, description FROM hazards');
  const hz = {} as Record<HazardKey, string>;
  for (const key of Object.keys(DESCRIPTIONS) as HazardKey[]) {
    const row = rows.find((r) => r.description === DESCRIPTIONS[key]);
    if (!row) throw new Error(`hazard ${key} was not made`);
    hz[key] = row.id;
  }

  // an after-photo row (its bytes are not needed: fixes are checked, not drawn)
  const afterPhoto = async (user: UserName) =>
    (
      await s.db.getRepository(StoredFileEntity).save({
        storageKey: randomBytes(16).toString('hex'), thumbKey: null, mime: 'image/jpeg', size: 1234, width: 100, height: 100,
        uploadedById: ids[user], enterpriseId: null, workshopId: null, inspectionId: null,
      })
    ).id;
  const fix = async (user: UserName, id: string, measures: string, cost: number, responsible: string) =>
    ok(as(user).post(`/api/hazards/${id}/rectification`, { clientId: randomUUID(), measures, cost, responsible, photoIds: [await afterPhoto(user)] }));

  await fix('memberA1', hz.a1Pending, '更换灭火器并建立月检记录', 860.5, '王安全');
  const closed = await fix('memberA1', hz.a1Closed, '清理通道，划设黄线', 120, '赵班长');
  await ok(as('memberA2').post(`/api/hazards/${hz.a1Closed}/verification`, { decision: 'accept', version: closed.body.version }));
  const plan = await as('memberA1').get(`/api/hazards/${hz.a1Major}`);
  await ok(
    as('memberA1').post(`/api/hazards/${hz.a1Major}/plan`, {
      responsible: '张厂长', measures: '加装氨泄漏报警并联动排风', funds: 38000.5, deadline: plan.body.deadline, contingency: '液氨泄漏专项应急预案',
    }),
  );
  await fix('staffLA', hz.laPeer, '叉车司机送培取证', 1500, '钱经理');
  await fix('leadA', hz.laSelf, '更换疏散标识', 80, '孙电工');
  await fix('memberB1', hz.b1Self, '加装防护罩', 300, '周师傅');

  return { w, ids, tokens, hz, r1, r2, workshopId: shop.id, photoIds, as };
}
