// What `npm start` says: a taken port ends the start with one line (no stack trace), and a PUBLIC_URL left
// at localhost while the server listens on the network is pointed out, since invitation links and QR codes
// are built from it.
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { run } from '../../server/src/main';

class Exit extends Error {
  constructor(readonly code: number | string | null | undefined) {
    super(`process.exit(${String(code)})`);
  }
}

let errors: string[];
let logs: string[];
beforeEach(() => {
  errors = [];
  logs = [];
  jest.spyOn(process, 'exit').mockImplementation((code) => {
    throw new Exit(code);
  });
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void errors.push(args.map(String).join(' ')));
  jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')));
});
afterEach(() => jest.restoreAllMocks());

// embedded SQLite in memory: demo mode, so the simulator starts too
const BASE = { PORT: '0', LOG_LEVEL: 'silent', DB_PATH: ':memory:', H5_DIR: '/nonexistent', WECHAT_SIM_PORT: '0' };

async function occupiedPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server };
}

test.each([
  ['WECHAT_SIM_PORT', '微信模拟器端口'],
  ['PORT', '端口'],
])('a taken %s ends the start with one line naming it', async (setting, words) => {
  const taken = await occupiedPort();
  try {
    const outcome = await run({ ...BASE, HOST: '127.0.0.1', [setting]: String(taken.port) }).then(
      async (r) => {
        await r.stop();
        return 'started';
      },
      (e: unknown) => e,
    );
    expect(outcome).toBeInstanceOf(Exit);
    expect((outcome as Exit).code).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`${words} ${taken.port} 已被占用`);
    expect(errors[0]).toContain(`${setting}=`);
    expect(errors[0]).not.toMatch(/\n\s+at /); // no stack trace
  } finally {
    taken.server.close();
  }
});

test('listening on the network with the localhost PUBLIC_URL: the banner says links will point at localhost', async () => {
  const running = await run({ ...BASE, HOST: '0.0.0.0' });
  try {
    expect(logs.join('\n')).toMatch(/PUBLIC_URL 仍是 http:\/\/localhost.*邀请链接和二维码会指向 localhost/);
  } finally {
    await running.stop();
  }
});

test.each([
  ['on loopback only', { HOST: '127.0.0.1' }],
  ['with a PUBLIC_URL people can reach', { HOST: '0.0.0.0', PUBLIC_URL: 'http://192.168.1.20:3000' }],
])('no such warning %s', async (_, env) => {
  const running = await run({ ...BASE, ...env });
  try {
    expect(logs.join('\n')).toContain('安全互助 已启动');
    expect(logs.join('\n')).not.toContain('PUBLIC_URL 仍是');
  } finally {
    await running.stop();
  }
});
