// Checklist library: seeded platform templates (idempotent on restart), cooperative copies, edits as new
// versions that leave inspections' versions alone, and who may read or edit what.
import request from 'supertest';
import { ChecklistEntity, ChecklistItemEntity } from '../../server/src/checklists/checklist.entity';
import { ChecklistsService } from '../../server/src/checklists/checklists.service';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(120_000);

let s: TestServer;
let w: World;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  for (const u of ['admin', 'leadA', 'memberA1', 'leadB', 'memberB1']) tokens[u] = await b.token(u);
});
afterAll(() => s.close());

const api = (who: string) => ({
  get: (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[who]}`),
  post: (path: string, body: object) => request(s.url).post(path).set('Authorization', `Bearer ${tokens[who]}`).send(body),
  put: (path: string, body: object) => request(s.url).put(path).set('Authorization', `Bearer ${tokens[who]}`).send(body),
});

describe('checklist library', () => {
  it('seeds four platform templates with at least 80 real items, legal bases and photo rules', async () => {
    const res = await api('memberA1').get('/api/checklists');
    expect(res.status).toBe(200);
    const platform = res.body.items.filter((c: { cooperativeId: string | null }) => c.cooperativeId === null);
    expect(platform.map((c: { industry: string }) => c.industry).sort()).toEqual(['其他', '工业气体', '机械加工', '食品加工'].sort());
    const total = platform.reduce((n: number, c: { itemCount: number }) => n + c.itemCount, 0);
    expect(total).toBeGreaterThanOrEqual(80);
    const gas = platform.find((c: { industry: string }) => c.industry === '工业气体');
    const detail = await api('memberA1').get(`/api/checklists/${gas.id}`);
    expect(detail.status).toBe(200);
    const items = detail.body.items as { legalBasis: string | null; photoRequiredOnFail: boolean; answerType: string; category: string }[];
    expect(items.some((i) => i.legalBasis?.includes('GB 15603'))).toBe(true);
    expect(items.some((i) => i.photoRequiredOnFail)).toBe(true);
    expect(items.some((i) => i.answerType === 'number')).toBe(true);
    expect(new Set(items.map((i) => i.category)).size).toBeGreaterThan(5);
  });

  it('seeding again on start changes nothing (idempotent)', async () => {
    const before = await s.db.getRepository(ChecklistEntity).count();
    const itemsBefore = await s.db.getRepository(ChecklistItemEntity).count();
    await s.app.get(ChecklistsService).onModuleInit();
    await Promise.all([s.app.get(ChecklistsService).onModuleInit(), s.app.get(ChecklistsService).onModuleInit()]);
    expect(await s.db.getRepository(ChecklistEntity).count()).toBe(before);
    expect(await s.db.getRepository(ChecklistItemEntity).count()).toBe(itemsBefore);
  });

  it('a coop admin copies a template, edits it as a new version; the old version stays as it was', async () => {
    const list = await api('leadA').get('/api/checklists');
    const general = list.body.items.find((c: { familyId: string }) => c.familyId === 'platform-general');
    const copy = await api('leadA').post(`/api/checklists/${general.id}/copy`, { cooperativeId: w.coopA.id, name: '甲镇通用检查表' });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ cooperativeId: w.coopA.id, version: 1, copiedFromId: general.id, canEdit: true, name: '甲镇通用检查表' });
    expect(copy.body.items).toHaveLength(general.itemCount);

    const kept = copy.body.items.slice(0, 3).map((i: Record<string, unknown>) => ({
      code: i.code, section: i.section, category: i.category, text: i.text, answerType: i.answerType,
      photoRequiredOnFail: i.photoRequiredOnFail, weight: i.weight, legalBasis: i.legalBasis,
    }));
    const edited = await api('leadA').put(`/api/checklists/${copy.body.id}`, {
      items: [...kept, { section: '本社特色', category: 'dust', text: '木粉尘除尘器每班清灰有记录', photoRequiredOnFail: true, weight: 3 }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ familyId: copy.body.familyId, version: 2, latest: true });
    expect(edited.body.items).toHaveLength(4);
    expect(edited.body.items[0].code).toBe(kept[0].code);
    expect(edited.body.items[3].code).toMatch(/^C\d{3}$/);

    const old = await api('leadA').get(`/api/checklists/${copy.body.id}`);
    expect(old.body).toMatchObject({ version: 1, latest: false });
    expect(old.body.items).toHaveLength(general.itemCount);
    // Editing the old version again: someone already saved a newer one.
    const stale = await api('leadA').put(`/api/checklists/${copy.body.id}`, { items: kept });
    expect(stale.status).toBe(409);

    // Other cooperatives cannot see or edit it; members see but cannot edit; platform only by the admin.
    expect((await api('leadB').get(`/api/checklists/${edited.body.id}`)).status).toBe(404);
    expect((await api('memberB1').get('/api/checklists')).body.items.some((c: { id: string }) => c.id === edited.body.id)).toBe(false);
    const asMember = await api('memberA1').get(`/api/checklists/${edited.body.id}`);
    expect(asMember.status).toBe(200);
    expect(asMember.body.canEdit).toBe(false);
    expect((await api('memberA1').put(`/api/checklists/${edited.body.id}`, { items: kept })).status).toBe(403);
    expect((await api('leadA').put(`/api/checklists/${general.id}`, { items: kept })).status).toBe(403);
    expect((await api('leadB').post(`/api/checklists/${general.id}/copy`, { cooperativeId: w.coopA.id })).status).toBe(403);
  });

  it('refuses bad items with 422 and fields', async () => {
    const res = await api('leadA').post('/api/checklists', {
      cooperativeId: w.coopA.id,
      name: '坏表',
      items: [{ section: '用电', category: 'nonsense', text: '配电箱', weight: 99 }],
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.fields)).toEqual(expect.arrayContaining(['items.0.category', 'items.0.weight']));
    const dup = await api('leadA').post('/api/checklists', {
      cooperativeId: w.coopA.id,
      name: '重复编号',
      items: [
        { code: 'X1', section: '用电', category: 'electrical', text: '配电箱上锁' },
        { code: 'X1', section: '用电', category: 'electrical', text: '线路穿管' },
      ],
    });
    expect(dup.status).toBe(422);
    const ok = await api('leadA').post('/api/checklists', {
      cooperativeId: w.coopA.id,
      name: '自建表',
      items: [{ code: 'X1', section: '用电', category: 'electrical', text: '配电箱上锁' }],
    });
    expect(ok.status).toBe(201);
    expect(ok.body.items[0]).toMatchObject({ answerType: 'pass_fail', weight: 1, photoRequiredOnFail: false, legalBasis: null });
  });
});
