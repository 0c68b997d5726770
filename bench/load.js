#!/usr/bin/env node
// The load process of `npm run bench`: its own process so that the server under test does not share an
// event loop with the client. Usage: node bench/load.js URL TOKEN CONCURRENCY SECONDS
// Prints one JSON line: {requests, errors, rps, p50, p99} (latencies in ms).
const http = require('node:http');

const [url, token, concurrencyArg, secondsArg] = process.argv.slice(2);
const concurrency = Number(concurrencyArg || 10);
const seconds = Number(secondsArg || 5);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);
const headers = token ? { authorization: `Bearer ${token}` } : {};

function once() {
  return new Promise((resolve) => {
    const t = process.hrtime.bigint();
    const req = http.get({ host: target.hostname, port: target.port, path: target.pathname + target.search, agent, headers }, (res) => {
      res.on('data', () => {});
      res.on('end', () => resolve({ ok: res.statusCode === 200, ms: Number(process.hrtime.bigint() - t) / 1e6 }));
    });
    req.on('error', () => resolve({ ok: false, ms: Number(process.hrtime.bigint() - t) / 1e6 }));
  });
}

async function main() {
  const lat = [];
  let errors = 0;
  const deadline = Date.now() + seconds * 1000;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < deadline) {
        const r = await once();
        if (r.ok) lat.push(r.ms);
        else errors += 1;
      }
    }),
  );
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  lat.sort((a, b) => a - b);
  const pct = (p) => (lat.length ? Math.round(lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] * 10) / 10 : null);
  agent.destroy();
  process.stdout.write(`${JSON.stringify({ requests: lat.length, errors, rps: Math.round(lat.length / secs), p50: pct(0.5), p99: pct(0.99) })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
