import 'reflect-metadata';
import { createApp } from './bootstrap';
import { type AppConfig, ConfigError, loadConfig } from './config/config';
import { type WeChatSimulator, startWeChatSimulator } from './wechat/simulator/simulator';

function banner(config: AppConfig, startedAt: number, simulator: WeChatSimulator | null): string {
  const db = config.db.type === 'sqlite' ? `sqlite ${config.db.path}` : `${config.db.type} ${config.db.host}:${config.db.port}/${config.db.name}`;
  const lines = [
    '',
    `安全互助 已启动: ${config.publicUrl}   (${((Date.now() - startedAt) / 1000).toFixed(1)} s, database: ${db})`,
    `API: ${config.publicUrl}/api/health · OpenAPI: ${config.publicUrl}/api/openapi.json`,
  ];
  if (simulator) lines.push(`WeChat simulator: ${simulator.url} (demo mode; real WeChat is not contacted)`);
  if (config.demo) {
    lines.push('演示账号 (demo logins), password demo-pass-2026:');
    lines.push('  demo-admin (平台管理员) · demo-lead (西湖镇合作社管理员) · demo-member (成员企业)');
    lines.push('  demo-expert (专家) · demo-supervisor (东港区应急管理局)');
  }
  return lines.join('\n');
}

/**
 * Starts the product. Outside production with no WECHAT_API_BASE, a local WeChat simulator stands in
 * for api.weixin.qq.com so that logins work without WeChat.
 */
export async function run(env: NodeJS.ProcessEnv = process.env, startedAt = Date.now()): Promise<void> {
  let simulator: WeChatSimulator | null = null;
  let config: AppConfig;
  try {
    config = loadConfig(env);
    if (!config.production && !env.WECHAT_API_BASE) {
      simulator = await startWeChatSimulator({
        port: Number(env.WECHAT_SIM_PORT || 3901),
        appid: config.wechat.appid,
        secret: config.wechat.secret,
        acceptUnknownCodes: true,
      });
      config = loadConfig({ ...env, WECHAT_API_BASE: simulator.url });
    }
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  console.log(banner(config, startedAt, simulator));
  const stop = async (): Promise<void> => {
    await app.close();
    await simulator?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
