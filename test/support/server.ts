import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DataSource } from 'typeorm';
import { createApp } from '../../server/src/bootstrap';
import { Clock } from '../../server/src/common/clock';
import { loadConfig } from '../../server/src/config/config';
import { type WeChatSimulator, startWeChatSimulator } from '../../server/src/wechat/simulator/simulator';
import { testDbEnv } from './db';

export const TEST_APPID = 'wx-test-appid';
export const TEST_SECRET = 'test-secret';

export interface TestServer {
  url: string;
  app: NestExpressApplication;
  db: DataSource;
  clock: Clock;
  wechat: WeChatSimulator;
  /** Its database settings, for a second instance (TestServerOptions.dbEnv). */
  dbEnv: Record<string, string>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Seed the demo district (default false: tests build their own data). */
  demo?: boolean;
  /** Serve dist/h5 at / (default false). */
  serveH5?: boolean;
  /** Another server's database (TestServer.dbEnv): a second instance on the same data, which it leaves in place. */
  dbEnv?: Record<string, string>;
  /** Extra settings, e.g. LOGIN_RATE_LIMIT. */
  env?: Record<string, string>;
}

/**
 * The real Nest app on a random port, against SQLite in memory or — when TEST_DB=mariadb — a fresh
 * MariaDB database migrated from scratch, with its own WeChat simulator.
 */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const wechat = await startWeChatSimulator({ appid: TEST_APPID, secret: TEST_SECRET });
  const db = opts.dbEnv ? { env: opts.dbEnv, drop: async () => {} } : await testDbEnv();
  const config = loadConfig({
    NODE_ENV: 'test',
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123',
    WECHAT_APPID: TEST_APPID,
    WECHAT_SECRET: TEST_SECRET,
    WECHAT_API_BASE: wechat.url,
    DEMO: opts.demo ? 'on' : 'off',
    H5_DIR: opts.serveH5 ? 'dist/h5' : 'dist/__no_h5__',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    LOGIN_RATE_LIMIT: '10000',
    // tests run jobs by hand (app.get(HazardRemindersJob).run()) with a moved clock
    JOBS: 'off',
    ...db.env,
    ...opts.env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    db: app.get(DataSource),
    clock: app.get(Clock),
    wechat,
    dbEnv: { ...db.env, ...(opts.env?.DB_PATH ? { DB_PATH: opts.env.DB_PATH } : {}) },
    async close() {
      await app.close();
      await wechat.close();
      await db.drop();
    },
  };
}
