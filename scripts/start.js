#!/usr/bin/env node
// `npm start`: builds what is missing (server, browser app), starts the local WeChat simulator in
// demo mode, then the server on embedded SQLite, and prints the URL and demo logins.
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const started = Date.now();
const serverMain = join(root, 'dist', 'server', 'server', 'src', 'main.js');

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function run(label, args) {
  const t = Date.now();
  process.stdout.write(`${label}…\n`);
  execFileSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.stdout.write(`${label}: done in ${((Date.now() - t) / 1000).toFixed(1)} s\n`);
}

const sourcesNewest = Math.max(newestMtime(join(root, 'server', 'src')), newestMtime(join(root, 'shared')));
if (!existsSync(serverMain) || statSync(serverMain).mtimeMs < sourcesNewest) {
  run('编译服务器 (building the server)', [require.resolve('typescript/bin/tsc'), '-p', 'server/tsconfig.build.json']);
}
const h5Dir = process.env.H5_DIR || join(root, 'dist', 'h5');
if (!existsSync(join(h5Dir, 'index.html'))) {
  run('首次构建浏览器端，约需 30–60 秒 (building the browser app)', [require.resolve('@tarojs/cli/bin/taro'), 'build', '--type', 'h5']);
}

async function main() {
  require('reflect-metadata');
  const { loadConfig, ConfigError } = require(join(root, 'dist/server/server/src/config/config.js'));
  const production = process.env.NODE_ENV === 'production';
  let simulator = null;
  if (!production && !process.env.WECHAT_API_BASE) {
    const { startWeChatSimulator } = require(join(root, 'dist/server/server/src/wechat/simulator/simulator.js'));
    simulator = await startWeChatSimulator({
      port: Number(process.env.WECHAT_SIM_PORT || 3901),
      appid: process.env.WECHAT_APPID || 'wx-demo-appid',
      secret: process.env.WECHAT_SECRET || 'demo-secret',
      acceptUnknownCodes: true,
    });
    process.env.WECHAT_API_BASE = simulator.url;
  }
  let config;
  try {
    config = loadConfig({ H5_DIR: h5Dir, ...process.env });
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const { createApp } = require(join(root, 'dist/server/server/src/bootstrap.js'));
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  const lines = [
    '',
    `安全互助 已启动: ${config.publicUrl}   (${((Date.now() - started) / 1000).toFixed(1)} s, database: ${config.db.type}${config.db.type === 'sqlite' ? ` ${config.db.path}` : ''})`,
    `API: ${config.publicUrl}/api/health · OpenAPI: ${config.publicUrl}/api/openapi.json`,
  ];
  if (simulator) lines.push(`WeChat simulator: ${simulator.url} (demo mode; real WeChat is not contacted)`);
  if (config.demo) {
    lines.push('演示账号 (demo logins), password demo-pass-2026:');
    lines.push('  demo-admin (平台管理员) · demo-lead (西湖镇合作社管理员) · demo-member (成员企业)');
    lines.push('  demo-expert (专家) · demo-supervisor (东港区应急管理局)');
  }
  console.log(lines.join('\n'));
  const stop = async () => {
    await app.close();
    if (simulator) await simulator.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
