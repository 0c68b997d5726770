#!/usr/bin/env node
// CI gate: every dependency with an install script must be reviewed in package.json "allowScripts"
// (true = it runs, false = denied, e.g. telemetry). npm 12 blocks unreviewed scripts by default, so an
// unreviewed one would silently leave a native module unbuilt. Reads package-lock.json, so it works with
// any npm version and without node_modules.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
const allow = pkg.allowScripts ?? {};

// "name" or "name@version…" keys; the name may be scoped (@scope/name@1.2.3)
const reviewed = new Set(Object.keys(allow).map((key) => key.replace(/^(@?[^@]+)@.*$/, '$1')));

const withScripts = new Map();
for (const [path, entry] of Object.entries(lock.packages ?? {})) {
  if (!path || !entry.hasInstallScript) continue;
  const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  if (!withScripts.has(name)) withScripts.set(name, new Set());
  withScripts.get(name).add(entry.version);
}

const unreviewed = [...withScripts.keys()].filter((name) => !reviewed.has(name)).sort();
const stale = [...reviewed].filter((name) => !withScripts.has(name)).sort();

if (stale.length > 0) console.warn(`allowScripts names packages without install scripts (prune them): ${stale.join(', ')}`);
if (unreviewed.length > 0) {
  console.error('Dependencies with install scripts not reviewed in package.json "allowScripts":');
  for (const name of unreviewed) console.error(`  ${name}@${[...withScripts.get(name)].join(', ')}`);
  console.error('Read each script, then add "<name>": true (it must run) or false (deny) to allowScripts.');
  process.exit(1);
}
const allowed = Object.entries(allow).filter(([, v]) => v === true).map(([k]) => k);
const denied = Object.entries(allow).filter(([, v]) => v === false).map(([k]) => k);
console.log(`install scripts reviewed: ${withScripts.size} packages (runs: ${allowed.join(', ')}; denied: ${denied.join(', ')})`);
