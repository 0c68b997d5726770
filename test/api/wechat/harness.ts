import 'reflect-metadata';
import { type HttpStatus, Logger } from '@nestjs/common';
import { DataSource, type Repository } from 'typeorm';
import { AppError } from '../../../server/src/common/app-error';
import { loadConfig } from '../../../server/src/config/config';
import { WeChatClient, type WeChatClientOptions } from '../../../server/src/wechat/wechat.client';
import { WechatTokenEntity } from '../../../server/src/wechat/wechat-token.entity';
import { type SimCall, type WeChatSimulator, startWeChatSimulator } from '../../../server/src/wechat/simulator/simulator';

export const APPID = 'wx-test-appid';
export const SECRET = 'test-secret';
export const RETRY_BASE_MS = 20;

export interface WeChatHarness {
  readonly sim: WeChatSimulator;
  readonly repo: Repository<WechatTokenEntity>;
  /** Log lines of the client, as `level: message`. */
  readonly logs: string[];
  /** Shared clock of the simulator and the clients (epoch ms); tests move it. */
  clock: number;
  client(over?: { apiBase?: string; secret?: string; appid?: string }, opts?: WeChatClientOptions): WeChatClient;
  callsTo(path: string): SimCall[];
}

/** Registers the jest hooks: a simulator on a free port, an in-memory SQLite token table, captured logs. */
export function useWeChatHarness(): WeChatHarness {
  let sim: WeChatSimulator | undefined;
  let ds: DataSource | undefined;
  const h: WeChatHarness = {
    get sim() {
      if (!sim) throw new Error('simulator not started');
      return sim;
    },
    get repo() {
      if (!ds) throw new Error('database not initialised');
      return ds.getRepository(WechatTokenEntity);
    },
    logs: [],
    clock: Date.now(),
    client(over = {}, opts = {}) {
      const config = loadConfig({
        WECHAT_APPID: over.appid ?? APPID,
        WECHAT_SECRET: over.secret ?? SECRET,
        WECHAT_API_BASE: over.apiBase ?? h.sim.url,
      });
      return new WeChatClient(config, h.repo, { retryBaseMs: RETRY_BASE_MS, timeoutMs: 1000, now: () => h.clock, ...opts });
    },
    callsTo: (path) => h.sim.calls.filter((c) => c.path === path),
  };

  beforeAll(async () => {
    // Collect the client's log lines instead of printing them; some tests read them.
    for (const level of ['log', 'warn', 'error', 'debug', 'verbose'] as const) {
      jest.spyOn(Logger.prototype, level).mockImplementation((message: unknown, ..._rest: unknown[]) => {
        h.logs.push(`${level}: ${String(message)}`);
      });
    }
    sim = await startWeChatSimulator({ appid: APPID, secret: SECRET, now: () => h.clock });
    ds = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: [WechatTokenEntity], synchronize: true });
    await ds.initialize();
  });

  afterAll(async () => {
    await sim?.close();
    await ds?.destroy();
    jest.restoreAllMocks();
  });

  beforeEach(async () => {
    h.sim.reset();
    await h.repo.clear();
    h.logs.length = 0;
    h.clock = Date.now();
  });

  return h;
}

/** Awaits a promise that must reject with an AppError of this code and status. */
export async function expectAppError(promise: Promise<unknown>, code: string, status: HttpStatus): Promise<void> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect(err).toMatchObject({ code, status });
}
