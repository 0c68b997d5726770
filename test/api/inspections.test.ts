// Inspections through the API: a whole mutual round (schedule → start → results with duplicate
// re-sends → submit → hazards with the right deadlines → feedback → the next round carries them
// forward, 回头看 with a recurrence), self patrols, access for assigned inspectors, and the races
// (≥ 20 parallel identical batches, parallel submits). Runs on SQLite and MariaDB.
import { randomBytes, randomUUID } from 'node:crypto';
import request from 'supertest';
import { hazardDeadline } from '../../shared/deadlines';
import { shanghaiDate } from '../../shared/dates';
import { StoredFileEntity } from '../../server/src/files/stored-file.entity';
import { HazardEntity, HazardEventEntity } from '../../server/src/hazards/hazard.entity';
import { InspectionEntity, InspectionFindingEntity, InspectionResultEntity } from '../../server/src/inspections/inspection.entity';
import { InspectionsService } from '../../server/src/inspections/inspections.service';
import { NotificationEntity } from '../../server/src/notifications/notification.entity';
import { UserEntity } from '../../server/src/users/user.entity';
import { WorkshopEntity } from '../../server/src/workshops/workshop.entity';
import { Builders, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(180_000);

let s: TestServer;
let w: World;
const tokens: Record<string, string> = {};
const ids: Record<string, string> = {};

interface Item {
  id: string;
  code: string;
  photoRequiredOnFail: boolean;
  answerType: string;
}
let general: { id: string; items: Item[] };
let photoItem: Item;
let plainItem: Item;

beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  // A second person of A2 not in the group, a person of the lead enterprise in it.
  await b.user('otherA2', [{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.a2.id }]);
  await b.user('staffLA', [{ role: 'member', cooperativeId: w.coopA.id, enterpriseId: w.la.id }]);
  for (const u of ['admin', 'leadA', 'memberA1', 'memberA2', 'otherA2', 'staffLA', 'memberB1', 'leadB', 'expertD', 'supervisorD', 'supervisorTB']) {
    tokens[u] = await b.token(u);
    ids[u] = (await s.db.getRepository(UserEntity).findOneByOrFail({ username: u.toLowerCase() })).id;
  }
  const list = await as('leadA').get('/api/checklists');
  const g = list.body.items.find((c: { familyId: string }) => c.familyId === 'platform-general');
  general = (await as('leadA').get(`/api/checklists/${g.id}`)).body;
  photoItem = general.items.find((i) => i.photoRequiredOnFail && i.answerType === 'pass_fail') as Item;
  plainItem = general.items.find((i) => !i.photoRequiredOnFail && i.answerType === 'pass_fail') as Item;
});
afterAll(() => s.close());

const as = (user: string) => ({
  get: (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens[user]}`),
  post: (path: string, body?: object) => request(s.url).post(path).set('Authorization', `Bearer ${tokens[user]}`).send(body ?? {}),
});

/** A stored photo as if uploaded by `user` (the upload route is tested elsewhere). */
async function photo(user: string): Promise<string> {
  const row = await s.db.getRepository(StoredFileEntity).save({
    storageKey: randomBytes(16).toString('hex'),
    thumbKey: null,
    mime: 'image/jpeg',
    size: 1234,
    width: 100,
    height: 100,
    uploadedById: ids[user],
    enterpriseId: null,
    workshopId: null,
    inspectionId: null,
  });
  return row.id;
}

async function workshop(enterpriseId: string, name: string): Promise<string> {
  const row = await s.db.getRepository(WorkshopEntity).save({
    enterpriseId,
    name,
    location: '',
    responsiblePerson: '',
    riskLevel: 'yellow',
    lecL10: null,
    lecE10: null,
    lecC: null,
    qrToken: randomBytes(24).toString('base64url').slice(0, 32),
    manualCode: randomBytes(8).toString('hex').slice(0, 7).toUpperCase(),
  });
  return row.id;
}

function mutual(host: string, inspectors: { userId: string; leader?: boolean }[], extra: object = {}) {
  return {
    type: 'mutual',
    cooperativeId: w.coopA.id,
    hostEnterpriseId: host,
    scheduledOn: '2026-12-10',
    checklistId: general.id,
    inspectors: inspectors.map((i) => ({ leader: false, ...i })),
    ...extra,
  };
}

describe('scheduling a mutual round', () => {
  it('refuses the host own people, outsiders, non-admins and a group without one leader', async () => {
    const own = await as('leadA').post('/api/inspections', mutual(w.a1.id, [{ userId: ids.memberA2, leader: true }, { userId: ids.memberA1 }]));
    expect(own.status).toBe(422);
    expect(own.body.error.fields['inspectors.1.userId']).toContain('受检企业');
    const outsider = await as('leadA').post('/api/inspections', mutual(w.a1.id, [{ userId: ids.memberA2, leader: true }, { userId: ids.memberB1 }]));
    expect(outsider.status).toBe(422);
    expect(outsider.body.error.fields).toHaveProperty(['inspectors.1.userId']);
    const two = await as('leadA').post('/api/inspections', mutual(w.a1.id, [{ userId: ids.memberA2 }, { userId: ids.staffLA }]));
    expect(two.status).toBe(422);
    const one = await as('leadA').post('/api/inspections', mutual(w.a1.id, [{ userId: ids.memberA2, leader: true }]));
    expect(one.status).toBe(422);
    expect((await as('memberA2').post('/api/inspections', mutual(w.a1.id, [{ userId: ids.memberA2, leader: true }, { userId: ids.staffLA }]))).status).toBe(403);
    expect((await as('leadB').post('/api/inspections', mutual(w.a1.id, [{ userId: ids.memberA2, leader: true }, { userId: ids.staffLA }]))).status).toBe(403);
    const notMember = await as('leadA').post('/api/inspections', mutual(w.b1.id, [{ userId: ids.memberA2, leader: true }, { userId: ids.staffLA }]));
    expect(notMember.status).toBe(422);
    expect(notMember.body.error.fields).toHaveProperty('hostEnterpriseId');
  });
});

describe('a whole mutual round', () => {
  let roundId: string;
  let shopId: string;
  const clientIds = { pass: randomUUID(), fail: randomUUID(), h1: randomUUID(), h2: randomUUID(), h3: randomUUID(), good: randomUUID() };

  it('is scheduled; the group is notified and sees it; others of the same enterprise do not', async () => {
    shopId = await workshop(w.a1.id, '包装车间');
    const res = await as('leadA').post('/api/inspections', mutual(w.a1.id, [{ userId: ids.memberA2, leader: true }, { userId: ids.staffLA }], { expertUserId: ids.expertD }));
    expect(res.status).toBe(201);
    roundId = res.body.id;
    expect(res.body).toMatchObject({ type: 'mutual', status: 'planned', hostEnterpriseId: w.a1.id, checklistId: general.id });
    expect(res.body.inspectors.map((i: { role: string }) => i.role)).toEqual(['leader', 'member', 'expert']);
    expect(res.body.workshops.map((x: { id: string }) => x.id)).toContain(shopId);

    const inbox = await as('memberA2').get('/api/notifications');
    expect(inbox.status).toBe(200);
    expect(inbox.body.unread).toBe(1);
    expect(inbox.body.items[0]).toMatchObject({ kind: 'inspection_assigned', link: `/inspections/${roundId}`, readAt: null });
    expect(inbox.body.items[0].body).toContain('组长');
    const read = await as('memberA2').post(`/api/notifications/${inbox.body.items[0].id}/read`);
    expect(read.status).toBe(200);
    expect(read.body.readAt).not.toBeNull();
    expect((await as('memberA2').get('/api/notifications')).body.unread).toBe(0);
    expect((await as('otherA2').post(`/api/notifications/${inbox.body.items[0].id}/read`)).status).toBe(404);
    expect(await s.db.getRepository(NotificationEntity).countBy({ userId: ids.expertD, pushStatus: 'pending' })).toBe(1);

    const mine = await as('memberA2').get('/api/inspections?assigned=true');
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([roundId]);
    expect(mine.body.items[0].assigned).toBe(true);
    for (const who of ['memberA2', 'staffLA', 'expertD', 'memberA1', 'leadA', 'supervisorD', 'admin']) {
      expect([who, (await as(who).get(`/api/inspections/${roundId}`)).status]).toEqual([who, 200]);
    }
    for (const who of ['otherA2', 'memberB1', 'leadB', 'supervisorTB']) {
      expect([who, (await as(who).get(`/api/inspections/${roundId}`)).status]).toEqual([who, 404]);
      expect((await as(who).get('/api/inspections')).body.items.some((i: { id: string }) => i.id === roundId)).toBe(false);
    }
    const finder = s.app.get(InspectionsService);
    const p = (u: string) => ({ userId: ids[u], grants: [] });
    expect(await finder.assignedOpenInspectionFor(p('memberA2'), w.a1.id)).toEqual({ id: roundId });
    expect(await finder.assignedOpenInspectionFor(p('otherA2'), w.a1.id)).toBeNull();
    expect(await finder.assignedOpenInspectionFor(p('memberA2'), w.a2.id)).toBeNull();
  });

  it('takes results only once started, and only from the group', async () => {
    const batch = { results: [{ clientId: clientIds.pass, itemId: plainItem.id, answer: 'pass' }] };
    const early = await as('memberA2').post(`/api/inspections/${roundId}/results`, batch);
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('INSPECTION_NOT_STARTED');
    expect((await as('memberA1').post(`/api/inspections/${roundId}/start`)).status).toBe(403);
    const started = await as('staffLA').post(`/api/inspections/${roundId}/start`);
    expect(started.status).toBe(200);
    expect(started.body.status).toBe('in_progress');
    expect((await as('memberA2').post(`/api/inspections/${roundId}/start`)).status).toBe(409);
    expect((await as('memberA1').post(`/api/inspections/${roundId}/results`, batch)).status).toBe(403);
  });

  it('refuses a failure that needs a photo without one, and photos of someone else', async () => {
    const noPhoto = await as('memberA2').post(`/api/inspections/${roundId}/results`, {
      results: [{ clientId: randomUUID(), itemId: photoItem.id, workshopId: shopId, answer: 'fail' }],
    });
    expect(noPhoto.status).toBe(422);
    expect(noPhoto.body.error.fields).toHaveProperty(['results.0.photoIds']);
    const hazardNoPhoto = await as('memberA2').post(`/api/inspections/${roundId}/results`, {
      hazards: [{ clientId: randomUUID(), itemId: photoItem.id, description: '配电箱门缺失', category: 'electrical' }],
    });
    expect(hazardNoPhoto.status).toBe(422);
    expect(hazardNoPhoto.body.error.fields).toHaveProperty(['hazards.0.photoIds']);
    const foreign = await photo('memberA1');
    const notMine = await as('memberA2').post(`/api/inspections/${roundId}/results`, {
      goodPractices: [{ clientId: randomUUID(), description: '工具定置管理', photoIds: [foreign] }],
    });
    expect(notMine.status).toBe(422);
    expect(notMine.body.error.fields).toHaveProperty(['goodPractices.0.photoIds.0']);
    const otherShop = await as('memberA2').post(`/api/inspections/${roundId}/results`, {
      results: [{ clientId: randomUUID(), itemId: plainItem.id, workshopId: await workshop(w.a2.id, '别家车间'), answer: 'pass' }],
    });
    expect(otherShop.status).toBe(422);
    expect(await s.db.getRepository(InspectionFindingEntity).countBy({ inspectionId: roundId })).toBe(0);
  });

  it('records a batch; re-sending it (also 20 at once) never duplicates', async () => {
    const p1 = await photo('memberA2');
    const p2 = await photo('memberA2');
    const batch = {
      results: [
        { clientId: clientIds.pass, itemId: plainItem.id, workshopId: shopId, answer: 'pass' },
        { clientId: clientIds.fail, itemId: photoItem.id, workshopId: shopId, answer: 'fail', photoIds: [p1] },
      ],
      hazards: [
        { clientId: clientIds.h1, itemId: photoItem.id, workshopId: shopId, description: '包装车间配电箱未上锁', category: 'electrical', photoIds: [p1] },
        { clientId: clientIds.h2, description: '仓库堆垛过高，靠近灯具', category: 'housekeeping', level: 'major', photoIds: [p2] },
        { clientId: clientIds.h3, description: '灭火器被纸箱遮挡', category: 'fire', fixMode: 'immediate' },
      ],
      goodPractices: [{ clientId: clientIds.good, workshopId: shopId, description: '每班交接有安全检查记录', photoIds: [p2] }],
    };
    const first = await as('memberA2').post(`/api/inspections/${roundId}/results`, batch);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ results: 2, hazards: 3, goodPractices: 1, rechecks: 0, submitted: false });
    const again = await Promise.all(Array.from({ length: 20 }, () => as('memberA2').post(`/api/inspections/${roundId}/results`, batch)));
    expect(again.map((r) => r.status)).toEqual(Array(20).fill(200));
    expect(await s.db.getRepository(InspectionFindingEntity).countBy({ inspectionId: roundId })).toBe(4);
    expect(await s.db.getRepository(InspectionResultEntity).countBy({ inspectionId: roundId })).toBe(2);

    // A later answer for the same item and workshop replaces the earlier one.
    const changed = await as('staffLA').post(`/api/inspections/${roundId}/results`, {
      results: [{ clientId: randomUUID(), itemId: plainItem.id, workshopId: shopId, answer: 'na', note: '本车间无此设施' }],
    });
    expect(changed.status).toBe(200);
    const detail = (await as('memberA1').get(`/api/inspections/${roundId}`)).body;
    expect(detail.results).toHaveLength(2);
    expect(detail.results.find((r: { itemId: string }) => r.itemId === plainItem.id)).toMatchObject({ answer: 'na', note: '本车间无此设施', workshopId: shopId });
    expect(detail.findings).toHaveLength(4);
    expect(detail.hazardCount).toBe(3);
  });

  it('submits: hazards with deadlines from the rules and reported events; once only', async () => {
    const now = s.clock.now();
    // Both inspectors press 提交 on several phones at once (20 requests): exactly one submit wins.
    const all = await Promise.all(
      Array.from({ length: 20 }, (_, i) => as(i % 2 ? 'staffLA' : 'memberA2').post(`/api/inspections/${roundId}/submit`)),
    );
    const statuses = all.map((r) => r.status);
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(19);
    const body = all.find((r) => r.status === 200)!.body;
    expect(body.status).toBe('submitted');
    expect(body.hazards).toHaveLength(3);
    const day = shanghaiDate(now);
    const byText = (t: string) => body.hazards.find((h: { description: string }) => h.description.includes(t));
    expect(byText('配电箱')).toMatchObject({
      level: 'general', source: 'peer', foundOn: day, status: 'reported', enterpriseId: w.a1.id, itemCode: photoItem.code, workshopName: '包装车间',
      deadline: hazardDeadline({ level: 'general', fixMode: 'deadline', foundAt: now }).deadline, planDueOn: null, foundById: ids.memberA2,
    });
    expect(byText('堆垛')).toMatchObject({ level: 'major', ...hazardDeadline({ level: 'major', fixMode: 'deadline', foundAt: now }) });
    expect(byText('灭火器')).toMatchObject({ deadline: day });
    // Each hazard finding points at the hazard made from it.
    const made = body.findings.filter((f: { kind: string }) => f.kind === 'hazard').map((f: { hazardId: string }) => f.hazardId).sort();
    expect(made).toEqual(body.hazards.map((h: { id: string }) => h.id).sort());
    const events = await s.db.getRepository(HazardEventEntity).find({ where: body.hazards.map((h: { id: string }) => ({ hazardId: h.id })) });
    expect(events).toHaveLength(3);
    expect(events.every((e) => e.kind === 'reported' && e.toStatus === 'reported' && e.fromStatus === null)).toBe(true);

    const again = await as('memberA2').post(`/api/inspections/${roundId}/submit`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('INSPECTION_SUBMITTED');
    const late = await as('memberA2').post(`/api/inspections/${roundId}/results`, { goodPractices: [{ clientId: randomUUID(), description: '迟到的优点' }] });
    expect(late.status).toBe(409);
    expect(await s.db.getRepository(HazardEntity).countBy({ inspectionId: roundId })).toBe(3);
    // The assigned inspector still sees the round; an unassigned colleague never did.
    expect((await as('staffLA').get(`/api/inspections/${roundId}`)).status).toBe(200);
  });

  it('feedback: problems, failures shared with other members in 90 days, good practices', async () => {
    // A2's own patrol failed the same check earlier.
    const patrol = await as('memberA2').post('/api/inspections', { type: 'self', checklistId: general.id });
    expect(patrol.status).toBe(201);
    const p = await photo('memberA2');
    expect(
      (await as('memberA2').post(`/api/inspections/${patrol.body.id}/results`, {
        results: [{ clientId: randomUUID(), itemId: photoItem.id, answer: 'fail', photoIds: [p] }],
      })).status,
    ).toBe(200);
    expect((await as('memberA2').post(`/api/inspections/${patrol.body.id}/submit`)).status).toBe(200);

    const fb = await as('memberA1').get(`/api/inspections/${roundId}/feedback`);
    expect(fb.status).toBe(200);
    expect(fb.body.problems).toHaveLength(3);
    expect(fb.body.goodPractices.map((g: { description: string }) => g.description)).toEqual(['每班交接有安全检查记录']);
    expect(fb.body.common).toEqual([
      expect.objectContaining({ itemCode: photoItem.code, otherEnterprises: 1, otherEnterpriseNames: [w.a2.name] }),
    ]);
    expect((await as('otherA2').get(`/api/inspections/${roundId}/feedback`)).status).toBe(404);
    expect((await as('memberA2').get(`/api/inspections/${patrol.body.id}/feedback`)).status).toBe(409);
  });

  it('回头看: the next round carries open and lately closed hazards; a recurrence is a new linked hazard', async () => {
    const hazards = await s.db.getRepository(HazardEntity).find({ where: { inspectionId: roundId } });
    const [h1, h2, h3] = hazards.sort((x, y) => x.description.localeCompare(y.description));
    // One closed since the last round (carried), and an old one closed before it (not carried).
    await s.db.getRepository(HazardEntity).update({ id: h3.id }, { status: 'closed', closedAt: new Date() });
    const old = await s.db.getRepository(HazardEntity).save({
      ...h1, id: randomUUID(), originId: null, status: 'closed', closedAt: new Date('2020-01-01T00:00:00Z'), description: '很久以前的隐患',
    });

    // 20 rounds of the same host scheduled at once: each carries every hazard exactly once.
    const rounds = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        as('leadA').post('/api/inspections', mutual(w.a1.id, [{ userId: ids.memberA2, leader: true }, { userId: ids.staffLA }], { scheduledOn: `2027-01-${String(10 + i).padStart(2, '0')}` })),
      ),
    );
    expect(rounds.map((r) => r.status)).toEqual(Array(20).fill(201));
    for (const r of rounds) {
      const carried = r.body.carried.map((c: { hazardId: string }) => c.hazardId).sort();
      expect(carried).toEqual([h1.id, h2.id, h3.id].sort());
      expect(carried).not.toContain(old.id);
    }
    const next = rounds[0].body;
    expect(next.previousInspectionId).not.toBeNull();
    expect((await as('staffLA').post(`/api/inspections/${next.id}/start`)).status).toBe(200);
    const bad = await as('staffLA').post(`/api/inspections/${next.id}/results`, { rechecks: [{ clientId: randomUUID(), hazardId: old.id, mark: 'recurred' }] });
    expect(bad.status).toBe(422);
    const marks = {
      rechecks: [
        { clientId: randomUUID(), hazardId: h3.id, mark: 'recurred', note: '灭火器又被遮挡' },
        { clientId: randomUUID(), hazardId: h2.id, mark: 'still_fixed' },
      ],
    };
    expect((await as('staffLA').post(`/api/inspections/${next.id}/results`, marks)).status).toBe(200);
    expect((await as('staffLA').post(`/api/inspections/${next.id}/results`, marks)).status).toBe(200);
    const done = await as('staffLA').post(`/api/inspections/${next.id}/submit`);
    expect(done.status).toBe(200);
    expect(done.body.hazards).toHaveLength(1);
    expect(done.body.hazards[0]).toMatchObject({ recurrenceOfId: h3.id, description: h3.description, status: 'reported', foundById: ids.staffLA });
    const c3 = done.body.carried.find((c: { hazardId: string }) => c.hazardId === h3.id);
    expect(c3).toMatchObject({ mark: 'recurred', recurrenceId: done.body.hazards[0].id });
    const rechecked = await s.db.getRepository(HazardEventEntity).findBy({ hazardId: h2.id, kind: 'rechecked' });
    expect(rechecked).toHaveLength(1);
  });
});

describe('self patrols', () => {
  it('start by a workshop of the own enterprise; the same day resumes; another enterprise cannot', async () => {
    const shop = await workshop(w.a1.id, '原料仓库');
    const first = await as('memberA1').post('/api/inspections', { type: 'self', workshopId: shop });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ type: 'self', status: 'in_progress', hostEnterpriseId: w.a1.id, workshopId: shop, canRecord: true, canSubmit: true });
    // The checklist matches the industry, or the general one.
    expect(first.body.items.length).toBeGreaterThan(10);
    const resumed = await as('memberA1').post('/api/inspections', { type: 'self', workshopId: shop });
    expect(resumed.status).toBe(200);
    expect(resumed.body.id).toBe(first.body.id);
    const foreign = await as('memberA2').post('/api/inspections', { type: 'self', workshopId: shop });
    expect(foreign.status).toBe(422);
    expect((await as('leadB').post('/api/inspections', { type: 'self' })).status).toBe(403);
    expect((await as('memberA2').get(`/api/inspections/${first.body.id}`)).status).toBe(404);
    expect((await as('leadA').get(`/api/inspections/${first.body.id}`)).status).toBe(200);
    const list = await as('memberA1').get('/api/inspections?type=self');
    expect(list.body.items.map((i: { id: string }) => i.id)).toContain(first.body.id);
  });

  it('20 starts of one patrol at once (double taps, re-sends) give one patrol, resumed by the rest', async () => {
    const shop = await workshop(w.a1.id, '锅炉房');
    const all = await Promise.all(Array.from({ length: 20 }, () => as('memberA1').post('/api/inspections', { type: 'self', workshopId: shop })));
    expect(all.map((r) => r.status).sort()).toEqual([...Array(19).fill(200), 201]);
    expect(new Set(all.map((r) => r.body.id)).size).toBe(1);
    expect(await s.db.getRepository(InspectionEntity).countBy({ type: 'self', workshopId: shop })).toBe(1);
    // Once submitted, the next start that day is a new patrol.
    expect((await as('memberA1').post(`/api/inspections/${all[0].body.id}/submit`)).status).toBe(200);
    const again = await as('memberA1').post('/api/inspections', { type: 'self', workshopId: shop });
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(all[0].body.id);
  });

  it('the last batch can submit in the same transaction', async () => {
    const patrol = await as('memberA1').post('/api/inspections', { type: 'self', checklistId: general.id, workshopId: await workshop(w.a1.id, '锅炉房') });
    const batch = {
      results: [{ clientId: randomUUID(), itemId: plainItem.id, answer: 'fail' }],
      hazards: [{ clientId: randomUUID(), itemId: plainItem.id, description: '锅炉房门口堆放煤渣', category: 'housekeeping' }],
      submit: true,
    };
    const res = await as('memberA1').post(`/api/inspections/${patrol.body.id}/results`, batch);
    expect(res.status).toBe(200);
    expect(res.body.submitted).toBe(true);
    const detail = await as('memberA1').get(`/api/inspections/${patrol.body.id}`);
    expect(detail.body.status).toBe('submitted');
    expect(detail.body.hazards).toEqual([expect.objectContaining({ source: 'self', description: '锅炉房门口堆放煤渣' })]);
    // The same batch again (a phone that lost the answer): the round is closed, nothing doubles.
    expect((await as('memberA1').post(`/api/inspections/${patrol.body.id}/results`, batch)).status).toBe(409);
    expect(await s.db.getRepository(HazardEntity).countBy({ inspectionId: patrol.body.id })).toBe(1);
  });

  it('bad bodies answer 422 with fields', async () => {
    const res = await as('memberA1').post('/api/inspections', { type: 'self', workshopId: 5 });
    expect(res.status).toBe(422);
    const batch = await as('memberA1').post('/api/inspections/whatever/results', { results: [{ clientId: 'not-a-uuid', itemId: 'x' }] });
    expect(batch.status).toBe(422);
    expect(batch.body.error.fields).toHaveProperty(['results.0.clientId']);
  });
});
