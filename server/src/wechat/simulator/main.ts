// CLI: runs the WeChat simulator on its own for demo mode and out-of-process tests.
//   WECHAT_SIM_PORT (3901) WECHAT_SIM_HOST (127.0.0.1) WECHAT_APPID (wx-demo-appid) WECHAT_SECRET (demo-secret)
// Point the server at it with WECHAT_API_BASE=<printed url>.
import { startWeChatSimulator } from './simulator';

async function main(): Promise<void> {
  const env = process.env;
  const sim = await startWeChatSimulator({
    port: Number(env.WECHAT_SIM_PORT || 3901),
    host: env.WECHAT_SIM_HOST || '127.0.0.1',
    appid: env.WECHAT_APPID || 'wx-demo-appid',
    secret: env.WECHAT_SECRET || 'demo-secret',
    acceptUnknownCodes: true,
  });
  process.stdout.write(`WeChat simulator listening on ${sim.url}\n`);
  const stop = (): void => {
    void sim.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`WeChat simulator failed to start: ${String(err)}\n`);
  process.exit(1);
});
