// Headless Debian chromium driven by playwright-core, and the h5 build it needs.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROOT = path.resolve(__dirname, '..', '..');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** true when the browser exists; false (after a loud warning) to skip; throws under CI=true. */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const msg = `${CHROMIUM} not found: browser tests cannot run (apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(msg);
  console.warn(`SKIPPING browser tests — ${msg}`);
  return false;
}

/** `extraArgs` e.g. `--host-resolver-rules=MAP office.example 127.0.0.1` to reach the server by a plain name. */
export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, ...extraArgs] });
}

/** A host name that is not localhost (so the browser treats plain http as insecure, as in an office). */
export const OFFICE_HOST = 'anquan.office.test';
export const OFFICE_ARGS = [`--host-resolver-rules=MAP ${OFFICE_HOST} 127.0.0.1`];

/** The test server's URL with its host replaced by OFFICE_HOST. */
export function officeUrl(serverUrl: string): string {
  const u = new URL(serverUrl);
  u.hostname = OFFICE_HOST;
  return u.origin;
}

/** Builds dist/h5 when missing (npm test builds first; a bare jest run still works). */
export function ensureH5Build(): void {
  if (fs.existsSync(path.join(ROOT, 'dist', 'h5', 'index.html'))) return;
  try {
    // jest sets NODE_ENV=test, which would give a development build (React refresh hooks and all)
    execFileSync('npx', ['taro', 'build', '--type', 'h5'], { cwd: ROOT, stdio: 'pipe', timeout: 300_000, env: { ...process.env, NODE_ENV: 'production' } });
  } catch (e) {
    throw new Error(`dist/h5 is missing and "npm run build:h5" failed: ${(e as Error).message}`);
  }
}
