// Binding a phone number with WeChat's getPhoneNumber button: the server asks WeChat (here the
// simulator) for the number behind the button's code. WeChat's refusals are 4xx or 503, never 500,
// and never 401 (the user's login is fine, only the phone code is not).
import request from 'supertest';
import { Builders, PASSWORD, type World, twoCooperatives } from '../support/builders';
import { type TestServer, startTestServer } from '../support/server';

const PHONE_PATH = '/wxa/business/getuserphonenumber';
let s: TestServer;
let token: string;

beforeAll(async () => {
  s = await startTestServer();
  const login = await request(s.url).post('/api/auth/wechat').send({ code: s.wechat.issueCode('o_phone_owner_0000000000000') });
  token = login.body.token as string;
  await new Builders(s.db, s.url).user('desk-phone', []);
});
afterAll(() => s.close());

const bind = (code: unknown, bearer = token) => request(s.url).post('/api/me/phone').set('Authorization', `Bearer ${bearer}`).send({ code });

test('a fresh button code binds the number WeChat vouches for; /api/me shows it to its owner in full', async () => {
  expect((await request(s.url).get('/api/me').set('Authorization', `Bearer ${token}`)).body.phone).toBeNull();
  const res = await bind(s.wechat.issuePhoneCode('13800138000'));
  expect(res.status).toBe(200);
  expect(res.body.phone).toBe('13800138000');
  expect((await request(s.url).get('/api/me').set('Authorization', `Bearer ${token}`)).body.phone).toBe('13800138000');
  // The server asked WeChat with its access token and the code, nothing else.
  const call = s.wechat.calls.filter((c) => c.path === PHONE_PATH).at(-1);
  expect(call?.query.access_token).toEqual(expect.any(String));
  expect(Object.keys(call?.body as object)).toEqual(['code']);
});

test('binding again replaces the number', async () => {
  expect((await bind(s.wechat.issuePhoneCode('13900139000'))).body.phone).toBe('13900139000');
});

test('a desk user (password login) binds a number the same way', async () => {
  const desk = (await request(s.url).post('/api/auth/password').send({ username: 'desk-phone', password: PASSWORD })).body.token as string;
  const res = await bind(s.wechat.issuePhoneCode('13700137000'), desk);
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ username: 'desk-phone', phone: '13700137000' });
});

async function expectCodeRefused(code: string): Promise<void> {
  const before = (await request(s.url).get('/api/me').set('Authorization', `Bearer ${token}`)).body.phone;
  const res = await bind(code);
  expect(res.status).toBe(422);
  expect(res.body.error.code).toBe('VALIDATION_FAILED');
  expect(Object.keys(res.body.error.fields)).toEqual(['code']);
  expect(res.body.error.message).toContain('绑定手机号');
  expect((await request(s.url).get('/api/me').set('Authorization', `Bearer ${token}`)).body.phone).toBe(before);
}

test('an unknown code → 422 on code (WeChat 40029), the number unchanged', async () => {
  await expectCodeRefused('f'.repeat(64));
});

test('a code used once already → 422 on code, the number unchanged', async () => {
  const code = s.wechat.issuePhoneCode('13600136000');
  expect((await bind(code)).status).toBe(200);
  await expectCodeRefused(code);
});

test.each<[number, number, string]>([
  [45011, 429, 'WECHAT_RATE_LIMITED'],
  [40013, 503, 'WECHAT_MISCONFIGURED'],
  [48001, 503, 'WECHAT_MISCONFIGURED'],
  [40226, 503, 'WECHAT_UNAVAILABLE'],
])('WeChat errcode %i → %i %s, never 500', async (errcode, status, code) => {
  s.wechat.failNext(PHONE_PATH, errcode);
  const res = await bind(s.wechat.issuePhoneCode());
  expect({ status: res.status, code: res.body.error?.code }).toEqual({ status, code });
  expect(typeof res.body.error.message).toBe('string');
});

test('WeChat busy once (-1): retried, then bound', async () => {
  s.wechat.failNext(PHONE_PATH, -1);
  const res = await bind(s.wechat.issuePhoneCode('13500135000'));
  expect(res.status).toBe(200);
  expect(res.body.phone).toBe('13500135000');
});

test('an access token WeChat no longer accepts (40001) is renewed once and the call repeated', async () => {
  s.wechat.failNext(PHONE_PATH, 40001);
  const res = await bind(s.wechat.issuePhoneCode('13400134000'));
  expect(res.status).toBe(200);
  expect(res.body.phone).toBe('13400134000');
});

test.each<[string, unknown]>([
  ['no code', undefined],
  ['an empty code', ''],
  ['a number', 42],
  ['a huge code', 'x'.repeat(129)],
])('%s → 422 before WeChat is asked', async (_, code) => {
  const before = s.wechat.calls.length;
  const res = await request(s.url)
    .post('/api/me/phone')
    .set('Authorization', `Bearer ${token}`)
    .send(code === undefined ? {} : { code });
  expect(res.status).toBe(422);
  expect(s.wechat.calls.length).toBe(before);
});

test('without a login → 401', async () => {
  const res = await request(s.url).post('/api/me/phone').send({ code: s.wechat.issuePhoneCode() });
  expect(res.status).toBe(401);
});

describe('masking: in full to the owner, their coop admin and the platform admin; 138****0000 to others', () => {
  let w: World;
  const tokens = new Map<string, string>();
  beforeAll(async () => {
    const b = new Builders(s.db, s.url);
    w = await twoCooperatives(b);
    for (const u of ['admin', 'leadA', 'memberA1', 'memberA2', 'leadB', 'supervisorD']) tokens.set(u, await b.token(u));
  });
  const as = (user: string, path: string) => request(s.url).get(path).set('Authorization', `Bearer ${tokens.get(user)}`);

  // enterpriseInput gives every test enterprise the contact phone 13800000000.
  test.each<[string, string | undefined]>([
    ['memberA1', '13800000000'], // its own people
    ['leadA', '13800000000'], // the admin of its cooperative
    ['admin', '13800000000'], // the platform admin
    ['supervisorD', '138****0000'], // may read the record, not the number
  ])('the enterprise profile as %s shows %s', async (user, phone) => {
    const res = await as(user, `/api/enterprises/${w.a1.id}`);
    expect(res.status).toBe(200);
    expect(res.body.contactPhone).toBe(phone);
  });

  test.each<[string, string | undefined]>([
    ['leadA', '13800000000'],
    ['admin', '13800000000'],
    ['supervisorD', '138****0000'],
    ['memberA2', undefined], // a fellow member sees the directory entry without private fields
  ])('the directory of cooperative A as %s shows a1 with %s', async (user, phone) => {
    const res = await as(user, `/api/enterprises?cooperativeId=${w.coopA.id}&pageSize=100`);
    expect(res.status).toBe(200);
    const entry = (res.body.items as { id: string; contactPhone?: string }[]).find((e) => e.id === w.a1.id);
    expect(entry?.contactPhone).toBe(phone);
  });

  test('another cooperative’s admin cannot read it at all', async () => {
    expect((await as('leadB', `/api/enterprises/${w.a1.id}`)).status).toBe(404);
  });
});
