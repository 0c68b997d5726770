// Bad input never reaches a 500: malformed JSON, wrong types, missing and unknown fields, huge bodies,
// wrong media types, odd ids and paging. Every answer has API.md's error shape and no internals.
import request from 'supertest';
import { Builders, type World, enterpriseInput, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
let w: World;
let admin: string;

beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  admin = await b.token('admin');
});
afterAll(() => s.close());

function expectCleanError(res: request.Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe('string');
  expect(res.body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(JSON.stringify(res.body)).not.toMatch(/stack|SELECT|INSERT|node_modules|\/work\/|\.ts:\d|QueryFailed|TypeError/i);
}

const post = (path: string) => request(s.url).post(path).set('Authorization', `Bearer ${admin}`);

test('malformed JSON → 400 MALFORMED_JSON', async () => {
  const res = await post('/api/enterprises').set('Content-Type', 'application/json').send('{"name": "x",');
  expectCleanError(res, 400, 'MALFORMED_JSON');
});

test('non-JSON media type → 415', async () => {
  expectCleanError(await post('/api/enterprises').set('Content-Type', 'text/plain').send('name=x'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  expectCleanError(await post('/api/enterprises').type('form').send({ name: 'x' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
});

test('a huge body → 413, and nothing was written', async () => {
  const before = (await request(s.url).get('/api/enterprises?pageSize=1').set('Authorization', `Bearer ${admin}`)).body.total;
  const res = await post('/api/enterprises').send({ ...enterpriseInput(), cooperativeId: w.coopA.id, address: 'x'.repeat(2_000_000) });
  expectCleanError(res, 413, 'PAYLOAD_TOO_LARGE');
  const after = (await request(s.url).get('/api/enterprises?pageSize=1').set('Authorization', `Bearer ${admin}`)).body.total;
  expect(after).toBe(before);
});

test.each<[string, unknown, string[]]>([
  ['missing fields', { cooperativeId: 'x' }, ['name', 'creditCode', 'industry', 'address', 'headcount', 'contactName', 'contactPhone']],
  ['wrong types', { ...enterpriseInput(), cooperativeId: 'x', headcount: '12', name: 42 }, ['headcount', 'name']],
  ['unknown fields', { ...enterpriseInput(), cooperativeId: 'x', isAdmin: true }, ['isAdmin']],
  ['bad credit code', { ...enterpriseInput({ creditCode: '91371102MA3000001X' }), cooperativeId: 'x' }, ['creditCode']],
  ['bad phone and negative headcount', { ...enterpriseInput({ contactPhone: '12345', headcount: -1 }), cooperativeId: 'x' }, ['contactPhone', 'headcount']],
  ['an array body', [1, 2, 3], ['_']],
])('%s → 422 with fields', async (_, body, fields) => {
  const res = await post('/api/enterprises').set('Content-Type', 'application/json').send(JSON.stringify(body));
  expectCleanError(res, 422, 'VALIDATION_FAILED');
  expect(Object.keys(res.body.error.fields).sort()).toEqual([...fields].sort());
});

test.each(['"hello"', 'null', '42'])('a bare JSON %s is refused by the strict parser → 400', async (raw) => {
  const res = await post('/api/enterprises').set('Content-Type', 'application/json').send(raw);
  expectCleanError(res, 400, 'MALFORMED_JSON');
});

test('an empty body on a route that needs one → 422', async () => {
  const res = await post('/api/cooperatives');
  expectCleanError(res, 422, 'VALIDATION_FAILED');
  expect(res.body.error.fields).toMatchObject({ name: '必填', regionId: '必填', industry: '必填' });
});

test.each([
  ['/api/enterprises?page=0', 'page'],
  ['/api/enterprises?pageSize=1000', 'pageSize'],
  ['/api/enterprises?page=abc', 'page'],
  ['/api/enterprises?sort=name', 'sort'],
  ['/api/cooperatives?pageSize=-5', 'pageSize'],
])('bad paging %s → 422 on %s', async (path, field) => {
  const res = await request(s.url).get(path).set('Authorization', `Bearer ${admin}`);
  expectCleanError(res, 422, 'VALIDATION_FAILED');
  expect(Object.keys(res.body.error.fields)).toContain(field);
});

test('a repeated query parameter is refused, not crashed on', async () => {
  const res = await request(s.url).get(`/api/enterprises?cooperativeId=${w.coopA.id}&cooperativeId=${w.coopB.id}`).set('Authorization', `Bearer ${admin}`);
  expectCleanError(res, 422, 'VALIDATION_FAILED');
});

test.each([
  '/api/enterprises/does-not-exist',
  "/api/enterprises/1'%20OR%20'1'='1",
  '/api/cooperatives/%00',
  '/api/cooperatives/..%2F..%2Fetc%2Fpasswd',
])('odd ids %s → 404, never 500', async (path) => {
  const res = await request(s.url).get(path).set('Authorization', `Bearer ${admin}`);
  expectCleanError(res, 404, 'NOT_FOUND');
});

test('an id longer than any id → 422', async () => {
  const res = await request(s.url).get(`/api/enterprises/${'a'.repeat(65)}`).set('Authorization', `Bearer ${admin}`);
  expectCleanError(res, 422, 'VALIDATION_FAILED');
});

test('search text with LIKE wildcards matches literally', async () => {
  for (const q of ['%', '_', '!', "'", '\\']) {
    const res = await request(s.url).get(`/api/enterprises?q=${encodeURIComponent(q)}`).set('Authorization', `Bearer ${admin}`);
    expect({ q, status: res.status, total: res.body.total }).toEqual({ q, status: 200, total: 0 });
  }
  const res = await request(s.url).get(`/api/enterprises?q=${encodeURIComponent('乙炔')}`).set('Authorization', `Bearer ${admin}`);
  expect(res.body.items.map((e: { name: string }) => e.name)).toEqual(['甲镇龙头乙炔厂']);
});

test('a duplicate credit code → 409 with the field named, one record kept', async () => {
  const input = { ...enterpriseInput(), cooperativeId: w.coopA.id };
  expect((await post('/api/enterprises').send(input)).status).toBe(201);
  const res = await post('/api/enterprises').send({ ...input, name: '另一个名字' });
  expectCleanError(res, 409, 'CREDIT_CODE_TAKEN');
  expect(res.body.error.fields).toHaveProperty('creditCode');
});

test('unknown routes and methods → 404 in the error shape', async () => {
  expectCleanError(await request(s.url).get('/api/nothing-here'), 404, 'ROUTE_NOT_FOUND');
  expectCleanError(await request(s.url).delete(`/api/enterprises/${w.a1.id}`).set('Authorization', `Bearer ${admin}`), 404, 'ROUTE_NOT_FOUND');
});
