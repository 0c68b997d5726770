import { NestFactory } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Global, Module } from '@nestjs/common';
import { AppConfig, loadConfig } from '../../../server/src/config/config';
import { WeChatClient } from '../../../server/src/wechat/wechat.client';
import { WeChatModule } from '../../../server/src/wechat/wechat.module';
import { WechatTokenEntity } from '../../../server/src/wechat/wechat-token.entity';
import { APPID, SECRET, expectAppError, useWeChatHarness } from './harness';

// The simulator's HTTP surface for out-of-process use, and the Nest wiring of WeChatModule.
const LOGIN = '/sns/jscode2session';

const h = useWeChatHarness();

describe('simulator over HTTP (out-of-process use)', () => {
  const post = (path: string, body: unknown) =>
    fetch(`${h.sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('issues codes, injects failures, lists messages and resets', async () => {
    const issued = (await (await post('/__sim/codes', { openid: 'oRemote' })).json()) as { code: string; openid: string };
    expect(issued.openid).toBe('oRemote');
    expect((await post('/__sim/fail', { path: LOGIN, errcode: 40226 })).status).toBe(200);
    await expectAppError(h.client().code2Session(issued.code), 'WECHAT_USER_BLOCKED', 403);
    await expect(h.client().code2Session(issued.code)).resolves.toEqual({ openid: 'oRemote' });
    await h.client().sendSubscribeMessage({ touser: 'oRemote', templateId: 't', data: { phrase1: { value: '已整改' } } });
    const listed = (await (await fetch(`${h.sim.url}/__sim/messages`)).json()) as { messages: unknown[] };
    expect(listed.messages).toHaveLength(1);
    await post('/__sim/reset', {});
    expect(h.sim.messages).toHaveLength(0);
    expect((await post('/__sim/fail', { path: LOGIN })).status).toBe(400);
  });

  it('counts subscribe messages per template and openid, fails sends by name, delays answers', async () => {
    await post('/__sim/codes', { openid: 'oCountA' });
    await post('/__sim/codes', { openid: 'oCountB' });
    const send = (touser: string, templateId: string) => h.client().sendSubscribeMessage({ touser, templateId, data: { thing1: { value: '计数' } } });
    await send('oCountA', 'tA');
    await send('oCountA', 'tB');
    await send('oCountB', 'tA');
    h.sim.failSend('refused');
    await expect(send('oCountB', 'tA')).resolves.toEqual({ ok: false, errcode: 43101 });
    h.sim.failSend('bad_template');
    await expect(send('oCountB', 'tA')).resolves.toEqual({ ok: false, errcode: 40037 });
    const counts = { total: 3, byTemplate: { tA: 2, tB: 1 }, byOpenid: { oCountA: 2, oCountB: 1 } };
    expect(h.sim.messageCounts()).toEqual(counts);
    expect(await (await fetch(`${h.sim.url}/__sim/messages/counts`)).json()).toEqual(counts);
    expect((await post('/__sim/delay', { path: '/cgi-bin/message/subscribe/send', ms: 300 })).status).toBe(200);
    const started = Date.now();
    await send('oCountA', 'tA');
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    h.sim.delay('/cgi-bin/message/subscribe/send', 0);
    expect((await post('/__sim/delay', { path: '/x', ms: -1 })).status).toBe(400);
    await post('/__sim/reset', {});
  });

  it('answers like WeChat: HTTP 200, text/plain for jscode2session, errmsg ending in a rid', async () => {
    const res = await fetch(`${h.sim.url}${LOGIN}?appid=${APPID}&secret=${SECRET}&js_code=nope&grant_type=authorization_code`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain');
    const body = (await res.json()) as { errcode: number; errmsg: string };
    expect(body.errcode).toBe(40029);
    expect(body.errmsg).toMatch(/, rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);
  });
});

describe('WeChatModule', () => {
  it('wires WeChatClient with the global AppConfig and the token repository', async () => {
    // Stands in for the server's @Global ConfigModule.
    @Global()
    @Module({ providers: [{ provide: AppConfig, useValue: loadConfig({ WECHAT_APPID: APPID, WECHAT_SECRET: SECRET, WECHAT_API_BASE: h.sim.url }) }], exports: [AppConfig] })
    class TestConfigModule {}

    @Module({
      imports: [
        TestConfigModule,
        TypeOrmModule.forRoot({ type: 'better-sqlite3', database: ':memory:', entities: [WechatTokenEntity], synchronize: true }),
        WeChatModule,
      ],
    })
    class TestAppModule {}

    const app = await NestFactory.createApplicationContext(TestAppModule, { logger: false });
    try {
      const wechat = app.get(WeChatClient);
      await expect(wechat.code2Session(h.sim.issueCode('oWired'))).resolves.toEqual({ openid: 'oWired' });
      const token = await wechat.getAccessToken();
      expect(await wechat.getAccessToken()).toBe(token);
      expect(h.callsTo('/cgi-bin/token')).toHaveLength(1);
    } finally {
      await app.close();
    }
  });
});
