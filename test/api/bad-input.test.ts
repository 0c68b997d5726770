// Bad input never reaches a 500: malformed JSON, wrong types, missing and unknown fields, huge bodies,
// wrong media types, odd ids and paging. Every answer has the error shape of docs/api.md and no internals.
import request from 'supertest';
import { Builders, PASSWORD, type World, enterpriseInput, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

let s: TestServer;
let w: World;
let admin: string;

beforeAll(async () => {
  s = await startTestServer();
  const b = new Builders(s.db, s.url);
  w = await twoCooperatives(b);
  await b.user('strasse', []);
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

// ---- Table-driven: paging bounds, real calendar days, control and bidi characters, exact identity ----

const get = (path: string) => request(s.url).get(path).set('Authorization', `Bearer ${admin}`);

describe('paging has an upper bound', () => {
  test.each(['/api/enterprises?page=1e21', '/api/enterprises?page=100001', '/api/cooperatives?page=1e21', '/api/enterprises?page=9007199254740993'])(
    '%s → 422 on page',
    async (path) => {
      const res = await get(path);
      expectCleanError(res, 422, 'VALIDATION_FAILED');
      expect(Object.keys(res.body.error.fields)).toEqual(['page']);
    },
  );

  test('the last allowed page answers an empty page', async () => {
    const res = await get('/api/enterprises?page=100000');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], page: 100000 });
  });
});

describe('calendar dates are days that exist', () => {
  const BAD_DAYS = ['2026-02-30', '2026-13-45', '9999-99-99', '0000-00-00', '2025-02-29', '2026-04-31', '2026-00-10', '2026-1-5', '2026-02-3O'];

  test.each(BAD_DAYS)('cooperative foundedOn %s → 422, nothing written', async (day) => {
    const before = (await get('/api/cooperatives?pageSize=1')).body.total;
    const res = await post('/api/cooperatives').send({ name: `日期测试合作社${day}`, regionId: w.ta.id, industry: '综合', foundedOn: day });
    expectCleanError(res, 422, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.error.fields)).toEqual(['foundedOn']);
    expect((await get('/api/cooperatives?pageSize=1')).body.total).toBe(before);
  });

  test.each(BAD_DAYS)('enterprise memberSince %s → 422', async (day) => {
    const res = await post('/api/enterprises').send({ ...enterpriseInput(), cooperativeId: w.coopA.id, memberSince: day });
    expectCleanError(res, 422, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.error.fields)).toEqual(['memberSince']);
  });

  test('a leap day is a real day and comes back as sent', async () => {
    const res = await post('/api/cooperatives').send({ name: '闰日合作社', regionId: w.ta.id, industry: '综合', foundedOn: '2024-02-29' });
    expect(res.status).toBe(201);
    expect(res.body.foundedOn).toBe('2024-02-29');
    expect((await get(`/api/cooperatives/${res.body.id}`)).body.foundedOn).toBe('2024-02-29');
  });
});

describe('control and bidi characters are refused in names and addresses', () => {
  const BAD_CHARS: [string, string][] = [
    ['NUL', '\u0000'],
    ['BEL', '\u0007'],
    ['newline', '\n'],
    ['ESC', '\u001b'],
    ['DEL', '\u007f'],
    ['LRE', '\u202a'],
    ['RLO', '\u202e'],
    ['LRI', '\u2066'],
    ['PDI', '\u2069'],
  ];
  const FIELDS = ['name', 'address', 'contactName', 'industry'] as const;

  test.each(BAD_CHARS.flatMap(([label, ch]) => FIELDS.map((f) => [label, f, ch] as const)))(
    '%s in enterprise %s → 422 on that field',
    async (_label, field, ch) => {
      const input = enterpriseInput();
      const res = await post('/api/enterprises').send({ ...input, cooperativeId: w.coopA.id, [field]: `${input[field]}${ch}有限` });
      expectCleanError(res, 422, 'VALIDATION_FAILED');
      expect(Object.keys(res.body.error.fields)).toEqual([field]);
    },
  );

  test.each(BAD_CHARS)('%s in an enterprise update → 422, the record unchanged', async (_label, ch) => {
    const res = await request(s.url)
      .patch(`/api/enterprises/${w.a1.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ address: `改过的地址${ch}1 号` });
    expectCleanError(res, 422, 'VALIDATION_FAILED');
    expect((await get(`/api/enterprises/${w.a1.id}`)).body.address).toBe(w.a1.address);
  });

  test.each(BAD_CHARS)('%s in a cooperative name → 422', async (_label, ch) => {
    const res = await post('/api/cooperatives').send({ name: `控制${ch}字符合作社`, regionId: w.ta.id, industry: '综合' });
    expectCleanError(res, 422, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.error.fields)).toEqual(['name']);
  });

  test.each(BAD_CHARS)('%s in a desk user name → 422', async (_label, ch) => {
    const res = await post('/api/users').send({ username: 'ctrl-user', password: 'long-enough-1', name: `张${ch}三`, roles: [{ role: 'expert', regionId: w.d.id }] });
    expectCleanError(res, 422, 'VALIDATION_FAILED');
    expect(Object.keys(res.body.error.fields)).toEqual(['name']);
  });

  test('a description may span lines, but not hide a bidi override', async () => {
    const ok = await post('/api/cooperatives').send({ name: '多行简介合作社', regionId: w.ta.id, industry: '综合', description: '第一行\n第二行' });
    expect(ok.status).toBe(201);
    expect(ok.body.description).toBe('第一行\n第二行');
    const bad = await post('/api/cooperatives').send({ name: '方向符合作社', regionId: w.ta.id, industry: '综合', description: '正常\u202egnp.exe' });
    expectCleanError(bad, 422, 'VALIDATION_FAILED');
    expect(Object.keys(bad.body.error.fields)).toEqual(['description']);
  });

  test('a NUL in search text → 422, never a database error', async () => {
    expectCleanError(await get(`/api/enterprises?q=${encodeURIComponent('乙\u0000炔')}`), 422, 'VALIDATION_FAILED');
  });
});

describe('identity is exact', () => {
  const login = (username: string, password = PASSWORD) => request(s.url).post('/api/auth/password').send({ username, password });

  test.each(['ADMIN', ' admin ', 'Admin', 'ａｄｍｉｎ', '\u3000admin', 'ＡＤＭＩＮ'])(
    'the spelling %j normalises (NFKC, trim, lower case) to admin and logs in as admin',
    async (spelling) => {
      const res = await login(spelling);
      expect(res.status).toBe(200);
      expect(res.body.user.username).toBe('admin');
    },
  );

  test.each(['ädmin', 'àdmin', 'admın', 'straße'])('%j is another name: no collation maps it to a stored user', async (spelling) => {
    // 'strasse' exists too: utf8mb4_unicode_ci treats ß as ss and ä as a.
    const res = await login(spelling);
    expectCleanError(res, 401, 'INVALID_CREDENTIALS');
  });

  test.each(['admin\u0000', '\u202eadmin', 'a'.repeat(64) + 'x', '\ud800admin', "admin' OR '1'='1"])('%j → 401 or 422, never 500', async (spelling) => {
    const res = await login(spelling);
    expect([401, 422]).toContain(res.status);
    expect(res.body.error.code).toMatch(/^(INVALID_CREDENTIALS|VALIDATION_FAILED)$/);
  });

  test('a desk user is stored under the normalised username, found by every spelling of it', async () => {
    const created = await post('/api/users').send({ username: ' Desk.User ', password: 'long-enough-1', name: '窗口', roles: [{ role: 'expert', regionId: w.d.id }] });
    expect(created.status).toBe(201);
    expect(created.body.username).toBe('desk.user');
    for (const spelling of ['desk.user', 'DESK.USER', 'ｄｅｓｋ.ｕｓｅｒ']) {
      const res = await login(spelling, 'long-enough-1');
      expect({ spelling, status: res.status, id: res.body.user?.id }).toEqual({ spelling, status: 200, id: created.body.id });
    }
    const again = await post('/api/users').send({ username: 'DESK.user', password: 'long-enough-1', name: '重名', roles: [{ role: 'expert', regionId: w.d.id }] });
    expectCleanError(again, 409, 'USERNAME_TAKEN');
  });

  test('two openids differing only in case are two accounts', async () => {
    const lower = await request(s.url).post('/api/auth/wechat').send({ code: s.wechat.issueCode('ocasetest_openid_abcdefghijk') });
    const upper = await request(s.url).post('/api/auth/wechat').send({ code: s.wechat.issueCode('OCASETEST_OPENID_ABCDEFGHIJK') });
    expect([lower.status, upper.status]).toEqual([200, 200]);
    expect(upper.body.user.id).not.toBe(lower.body.user.id);
    const again = await request(s.url).post('/api/auth/wechat').send({ code: s.wechat.issueCode('OCASETEST_OPENID_ABCDEFGHIJK') });
    expect(again.body.user.id).toBe(upper.body.user.id);
  });
});
