#!/usr/bin/env node
// `npm start`: builds what is missing (the server, the browser app), then runs the product: in demo mode
// with a local WeChat simulator, on embedded SQLite by default, printing the URL and demo logins.
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

// Builds are done: run the product (server/src/main.ts prints the URL and the demo logins).
require(serverMain)
  .run({ H5_DIR: h5Dir, ...process.env }, started)
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
