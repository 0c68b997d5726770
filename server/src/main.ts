import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from './bootstrap';
import { type AppConfig, ConfigError, loadConfig } from './config/config';
import { type WeChatSimulator, startWeChatSimulator } from './wechat/simulator/simulator';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

function isAddressInUse(err: unknown): err is { code: string; port?: number } {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'EADDRINUSE';
}

function banner(config: AppConfig, startedAt: number, simulator: WeChatSimulator | null): string {
  const db = config.db.type === 'sqlite' ? `sqlite ${config.db.path}` : `${config.db.type} ${config.db.host}:${config.db.port}/${config.db.name}`;
  const lines = [
    '',
    `安全互助 已启动: ${config.publicUrl}   (${((Date.now() - startedAt) / 1000).toFixed(1)} s, database: ${db})`,
    `API: ${config.publicUrl}/api/health · OpenAPI: ${config.publicUrl}/api/openapi.json`,
  ];
  // Invitation links and QR codes are built from PUBLIC_URL: a localhost one only works on this machine.
  if (LOOPBACK.has(new URL(config.publicUrl).hostname) && !LOOPBACK.has(config.host)) {
    lines.push(
      `注意: PUBLIC_URL 仍是 ${config.publicUrl}，邀请链接和二维码会指向 localhost，其他设备打不开。请设置 PUBLIC_URL=http://<本机地址>:${config.port}`,
    );
  }
  if (simulator) lines.push(`WeChat simulator: ${simulator.url} (demo mode; real WeChat is not contacted)`);
  if (config.demo) {
    lines.push('演示账号 (demo logins), password demo-pass-2026:');
    lines.push('  demo-admin (平台管理员) · demo-lead (西湖镇合作社管理员) · demo-member (成员企业)');
    lines.push('  demo-expert (专家) · demo-supervisor (东港区应急管理局)');
  }
  return lines.join('\n');
}

export interface Running {
  app: NestExpressApplication;
  config: AppConfig;
  simulator: WeChatSimulator | null;
  stop(): Promise<void>;
}

/**
 * Starts the product. In demo mode (embedded SQLite or DEMO=on, never production) with no WECHAT_API_BASE,
 * a local WeChat simulator stands in for api.weixin.qq.com so that logins work without WeChat. Outside
 * demo mode, real WeChat is used and missing secrets stop the start (loadConfig).
 */
export async function run(env: NodeJS.ProcessEnv = process.env, startedAt = Date.now()): Promise<Running> {
  let simulator: WeChatSimulator | null = null;
  let config: AppConfig;
  try {
    config = loadConfig(env);
    if (config.demo && !env.WECHAT_API_BASE) {
      simulator = await startWeChatSimulator({
        port: Number(env.WECHAT_SIM_PORT || 3901),
        appid: config.wechat.appid,
        secret: config.wechat.secret,
        acceptUnknownCodes: true,
      });
      config = loadConfig({ ...env, WECHAT_API_BASE: simulator.url });
    }
  } catch (err) {
    await simulator?.close();
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78); // EX_CONFIG
    }
    if (isAddressInUse(err)) {
      console.error(`微信模拟器端口 ${env.WECHAT_SIM_PORT || 3901} 已被占用: 设置 WECHAT_SIM_PORT=<空闲端口>，或结束占用它的程序。`);
      process.exit(1);
    }
    throw err;
  }
  const app = await createApp(config);
  try {
    await app.listen(config.port, config.host);
  } catch (err) {
    if (!isAddressInUse(err)) throw err;
    console.error(`端口 ${config.port} 已被占用: 设置 PORT=<空闲端口>，或结束占用它的程序。`);
    await app.close();
    await simulator?.close();
    process.exit(1);
  }
  console.log(banner(config, startedAt, simulator));
  const stop = async (): Promise<void> => {
    await app.close();
    await simulator?.close();
  };
  const onSignal = (): void => {
    void stop().then(() => process.exit(0));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return { app, config, simulator, stop };
}

if (require.main === module) {
  run().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
