// The hazard lists per person (issue 8 point 7): a member's open hazards nearest deadline first, the
// verification queue (never one's own enterprise's peer findings), a coop admin's filters, a supervisor's
// majors and overdue ones, per-member counts; overdue from 00:00 Shanghai time the day after the deadline.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addDays, shanghaiDate } from '../../shared/dates';
import { hazardSchema } from '../../shared/schemas/hazards';
import { type HazardKey, type HazardWorld, type UserName, hazardWorld } from '../support/hazard-world';
import { type TestServer, startTestServer } from '../support/server';

jest.setTimeout(180_000);

let s: TestServer;
let x: HazardWorld;
let today: string;

beforeAll(async () => {
  // the world's photos go to a directory of their own
  s = await startTestServer({ env: { FILES_DIR: mkdtempSync(join(tmpdir(), 'anquan-hazard-docs-')) } });
  x = await hazardWorld(s);
  today = shanghaiDate(s.clock.now());
});
afterAll(() => s.close());

interface Item {
  id: string;
  overdue: boolean;
  daysLeft: number;
  deadline: string;
  status: string;
}

async function list(user: UserName, query: string): Promise<{ items: Item[]; total: number; keys: string[] }> {
  const res = await x.as(user).get(`/api/hazards?${query}`);
  expect(res.status).toBe(200);
  const byId = new Map(Object.entries(x.hz).map(([k, id]) => [id, k]));
  return { items: res.body.items, total: res.body.total, keys: res.body.items.map((i: Item) => byId.get(i.id) ?? i.id) };
}
const sorted = (keys: string[]) => [...keys].sort();

describe('hazard lists', () => {
  it('a member: their enterprise\'s open hazards, nearest deadline first, as full list items', async () => {
    const mine = await list('memberA1', 'view=open');
    // immediate fix (today), two general ones (7 days, by id), the major one (30 days); not LA's, which memberA1 inspected
    expect(mine.total).toBe(4);
    expect(mine.keys[0]).toBe('a1Now');
    expect(sorted(mine.keys.slice(1, 3))).toEqual(['a1Gen', 'a1Pending']);
    expect(mine.keys[3]).toBe('a1Major');
    expect(mine.items.map((i) => i.daysLeft)).toEqual([0, 7, 7, 30]);
    expect(mine.items.every((i) => !i.overdue)).toBe(true);

    // a list item is the hazard as the detail route gives it
    const item = (await x.as('memberA1').get('/api/hazards?view=open')).body.items.find((i: { id: string }) => i.id === x.hz.a1Gen);
    expect(hazardSchema.strict().safeParse(item).success).toBe(true);
    const detail = (await x.as('memberA1').get(`/api/hazards/${x.hz.a1Gen}`)).body;
    for (const k of Object.keys(hazardSchema.shape)) expect([k, item[k]]).toEqual([k, detail[k]]);
    expect(item).toMatchObject({
      enterpriseName: '甲镇一号食品厂', workshopId: x.workshopId, workshopName: '一号包装车间', foundByName: 'memberA2',
      inspectionId: x.r1, cooperativeId: x.w.coopA.id, deadline: addDays(today, 7), foundOn: today, photoIds: [x.photoIds[0]], version: 1,
    });

    // all of it: open before finished; the LA hazard of the round memberA1 led is readable too
    const all = await list('memberA1', 'view=all');
    expect(sorted(all.keys)).toEqual(sorted(['a1Now', 'a1Gen', 'a1Pending', 'a1Major', 'a1Closed', 'laPeer']));
    expect(all.keys.at(-1)).toBe('a1Closed');
    // another cooperative's member sees only their own enterprise
    expect(sorted((await list('memberB1', 'view=all')).keys)).toEqual(['b1Major', 'b1Self']);
    expect((await list('memberB1', `enterpriseId=${x.w.a1.id}`)).total).toBe(0);
    expect((await list('supervisorTB', `view=all`)).keys.every((k) => k.startsWith('b1'))).toBe(true);
  });

  it('pages: the same order cut in pages, with the total', async () => {
    const all = await list('leadA', 'view=all&pageSize=100');
    const p2 = await list('leadA', 'view=all&page=2&pageSize=3');
    expect(p2.total).toBe(all.total);
    expect(p2.keys).toEqual(all.keys.slice(3, 6));
    const past = await x.as('leadA').get('/api/hazards?page=50&pageSize=3');
    expect(past.body).toMatchObject({ items: [], total: all.total, page: 50, pageSize: 3 });
  });

  it('the verification queue: what the caller may verify, never their own enterprise\'s peer findings', async () => {
    const queue = async (u: UserName) => sorted((await list(u, 'view=to_verify')).keys);
    // finder and group leader of the A1 round
    expect(await queue('memberA2')).toEqual(['a1Pending']);
    // leader of the LA round; A1's own pending fix is not theirs to verify
    expect(await queue('memberA1')).toEqual(['laPeer']);
    // the coop admin: the cooperative's fixes and LA's self-found one, not the peer finding at LA (their own enterprise)
    expect(await queue('leadA')).toEqual(['a1Pending', 'laSelf']);
    // a plain member of LA: only the self-found general one
    expect(await queue('staffLA')).toEqual(['laSelf']);
    expect(await queue('leadB')).toEqual(['b1Self']);
    expect(await queue('memberB1')).toEqual(['b1Self']);
    expect(await queue('supervisorD')).toEqual([]);
    expect(await queue('admin')).toEqual(['a1Pending', 'b1Self', 'laPeer', 'laSelf']);
    // the queue agrees with what the detail route offers
    for (const u of ['memberA2', 'memberA1', 'leadA', 'staffLA'] as const) {
      for (const key of ['a1Pending', 'laPeer', 'laSelf'] as HazardKey[]) {
        const d = await x.as(u).get(`/api/hazards/${x.hz[key]}`);
        const inQueue = (await queue(u)).includes(key);
        expect([u, key, d.status === 200 && d.body.actions.includes('accept')]).toEqual([u, key, inQueue]);
      }
    }
  });

  it('a coop admin\'s filters', async () => {
    const coop = `cooperativeId=${x.w.coopA.id}`;
    expect((await list('leadA', `${coop}&level=major`)).keys).toEqual(['a1Major']);
    expect((await list('leadA', `${coop}&status=closed`)).keys).toEqual(['a1Closed']);
    expect((await list('leadA', `${coop}&status=pending_verification`)).total).toBe(3);
    expect((await list('leadA', `${coop}&source=self`)).keys).toEqual(['laSelf']);
    expect((await list('leadA', `inspectionId=${x.r2}`)).keys).toEqual(['laPeer']);
    expect((await list('leadA', `enterpriseId=${x.w.a1.id}&status=reported`)).total).toBe(3);
    expect((await list('leadA', `${coop}&overdue=true`)).total).toBe(0);
    expect((await list('leadA', `${coop}&overdue=false`)).total).toBe(7);
    expect((await list('leadA', `${coop}&from=${today}&to=${today}`)).total).toBe(7);
    expect((await list('leadA', `${coop}&from=${addDays(today, 1)}`)).total).toBe(0);
    expect((await list('leadA', `${coop}&to=${addDays(today, -1)}`)).total).toBe(0);
    // another cooperative's admin: nothing of A, whatever the filter says
    expect((await list('leadB', coop)).total).toBe(0);
  });

  it('refuses bad filters with 422 and the field', async () => {
    for (const [query, field] of [
      ['foo=1', 'foo'],
      ['status=open', 'status'],
      ['overdue=yes', 'overdue'],
      ['view=mine', 'view'],
      ['from=2026-02-30', 'from'],
      ['pageSize=500', 'pageSize'],
    ]) {
      const res = await x.as('leadA').get(`/api/hazards?${query}`);
      expect([query, res.status, res.body.error?.code]).toEqual([query, 422, 'VALIDATION_FAILED']);
      expect(JSON.stringify(res.body.error.fields)).toContain(field);
    }
    expect((await x.as('leadA').get('/api/hazards/summary?view=all')).status).toBe(422);
  });

  it('per-member counts: the cooperative\'s members, overdue first; another cooperative\'s admin gets 404', async () => {
    const res = await x.as('leadA').get(`/api/hazards/summary?cooperativeId=${x.w.coopA.id}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { enterpriseId: x.w.a1.id, enterpriseName: '甲镇一号食品厂', open: 4, pendingVerification: 1, overdue: 0, major: 1, closed: 1 },
      { enterpriseId: x.w.la.id, enterpriseName: '甲镇龙头乙炔厂', open: 2, pendingVerification: 2, overdue: 0, major: 0, closed: 0 },
    ]);
    expect((await x.as('leadA').get('/api/hazards/summary')).body).toEqual(res.body);
    expect((await x.as('leadB').get(`/api/hazards/summary?cooperativeId=${x.w.coopA.id}`)).status).toBe(404);
    const sup = await x.as('supervisorTB').get('/api/hazards/summary');
    expect(sup.body.items).toEqual([{ enterpriseId: x.w.b1.id, enterpriseName: '乙镇一号机械厂', open: 2, pendingVerification: 1, overdue: 0, major: 1, closed: 0 }]);
  });

  it('overdue from 00:00 Shanghai time the day after the deadline: lists, the supervisor\'s attention list, counts', async () => {
    const attention = async (u: UserName) => (await list(u, 'view=attention')).keys;
    expect(sorted(await attention('supervisorD'))).toEqual(['a1Major', 'b1Major']);
    expect(await attention('supervisorTB')).toEqual(['b1Major']);

    // one minute before the next Shanghai midnight: the fix-now hazard is due today, not overdue
    const midnight = Date.parse(`${addDays(today, 1)}T00:00:00+08:00`);
    s.clock.advance(midnight - 60_000 - s.clock.now().getTime());
    const before = await list('memberA1', 'view=open');
    expect(before.items[0]).toMatchObject({ id: x.hz.a1Now, overdue: false, daysLeft: 0 });
    expect((await list('leadA', `cooperativeId=${x.w.coopA.id}&overdue=true`)).total).toBe(0);

    s.clock.advance(120_000);
    const after = await list('memberA1', 'view=open');
    expect(after.keys[0]).toBe('a1Now');
    expect(after.items[0]).toMatchObject({ overdue: true, daysLeft: -1 });
    expect(after.items.slice(1).every((i) => !i.overdue)).toBe(true);
    expect((await list('leadA', `cooperativeId=${x.w.coopA.id}&overdue=true`)).keys).toEqual(['a1Now']);
    expect((await list('leadA', `cooperativeId=${x.w.coopA.id}&overdue=false`)).total).toBe(6);
    // overdue first on the supervisor's list, then the majors by deadline
    const sup = await attention('supervisorD');
    expect(sup[0]).toBe('a1Now');
    expect(sorted(sup.slice(1))).toEqual(['a1Major', 'b1Major']);
    expect(await attention('supervisorTB')).toEqual(['b1Major']);
    // the enterprise with an overdue hazard comes first in the counts
    const counts = (await x.as('leadA').get('/api/hazards/summary')).body.items;
    expect(counts[0]).toMatchObject({ enterpriseId: x.w.a1.id, overdue: 1, open: 4 });
  });

  it('回头看: the leader and the expert of a later round at A1 may verify the pending fix it carried, and see it in their queue', async () => {
    const checklistId = (await x.as('leadA').get('/api/checklists')).body.items.find((c: { familyId: string }) => c.familyId === 'platform-general').id;
    const before = async (u: UserName) => sorted((await list(u, 'view=to_verify')).keys);
    expect(await before('staffLA')).toEqual(['laSelf']);
    expect(await before('expertD')).toEqual([]);
    const round = await x.as('leadA').post('/api/inspections', {
      type: 'mutual', cooperativeId: x.w.coopA.id, hostEnterpriseId: x.w.a1.id, scheduledOn: addDays(today, 3), checklistId,
      inspectors: [{ userId: x.ids.staffLA, leader: true }, { userId: x.ids.memberA2, leader: false }], expertUserId: x.ids.expertD,
    });
    expect(round.status).toBe(201);
    expect(await before('staffLA')).toEqual(['a1Pending', 'laSelf']);
    expect(await before('expertD')).toEqual(['a1Pending']);
    for (const u of ['staffLA', 'expertD'] as const) expect((await x.as(u).get(`/api/hazards/${x.hz.a1Pending}`)).body.actions).toContain('accept');
  });
});
