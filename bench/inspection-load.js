#!/usr/bin/env node
// The load process of the inspection-submission benchmark: each of CONCURRENCY workers owns one workshop
// and loops: start a self patrol there (POST /api/inspections), then send its one batch of 50 item
// results + 3 hazards with submit=true (POST /api/inspections/:id/results) — the timed request.
// Usage: node bench/inspection-load.js BASE TOKEN CONCURRENCY SECONDS PLAN_JSON
// Prints one JSON line: {requests, errors, rps, p50, p99, bytes} (submissions; latencies in ms).
const http = require('node:http');
const { randomUUID } = require('node:crypto');

const [base, token, concurrencyArg, secondsArg, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson);
const concurrency = Number(concurrencyArg || 10);
const seconds = Number(secondsArg || 5);
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(base);

function post(path, body, auth = token) {
  const data = JSON.stringify(body);
  return new Promise((resolve) => {
    const t = process.hrtime.bigint();
    const req = http.request(
      { host: target.hostname, port: target.port, path, method: 'POST', agent, headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } },
      (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode, text, ms: Number(process.hrtime.bigint() - t) / 1e6, bytes: Buffer.byteLength(data) }));
      },
    );
    req.on('error', () => resolve({ status: 0, text: '', ms: 0, bytes: 0 }));
    req.end(data);
  });
}

/** One patrol's batch: 50 answers (every 10th a fail), 3 hazards (general, major, fix-now). */
function batch() {
  const results = plan.itemIds.map((itemId, n) => ({ clientId: randomUUID(), itemId, answer: n % 10 === 3 ? 'fail' : 'pass' }));
  const hazards = [
    { clientId: randomUUID(), itemId: plan.itemIds[3], description: '配电箱门无锁，箱前堆放纸箱', category: 'electrical' },
    { clientId: randomUUID(), itemId: plan.itemIds[13], description: '成品库二层隔出房间供员工住宿', category: 'fire', level: 'major' },
    { clientId: randomUUID(), itemId: plan.itemIds[23], description: '安全出口内侧堆放物料', category: 'exits', fixMode: 'immediate' },
  ];
  return { results, hazards, submit: true };
}

async function main() {
  const lat = [];
  let errors = 0;
  let bytes = 0;
  const deadline = Date.now() + seconds * 1000;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    // worker n is the safety officer of workshop n
    plan.workshopIds.slice(0, concurrency).map(async (workshopId, n) => {
      const auth = plan.tokens?.[n] ?? token;
      while (Date.now() < deadline) {
        const created = await post('/api/inspections', { type: 'self', workshopId, checklistId: plan.checklistId }, auth);
        if (created.status !== 201 && created.status !== 200) {
          errors += 1;
          if (errors < 3) console.error(`create ${created.status} ${created.text.slice(0, 200)}`);
          continue;
        }
        const id = JSON.parse(created.text).id;
        const r = await post(`/api/inspections/${id}/results`, batch(), auth);
        bytes = r.bytes;
        if (r.status === 200) lat.push(r.ms);
        else {
          errors += 1;
          if (errors < 3) console.error(`submit ${r.status} ${r.text.slice(0, 200)}`);
        }
      }
    }),
  );
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  lat.sort((a, b) => a - b);
  const pct = (p) => (lat.length ? Math.round(lat[Math.min(lat.length - 1, Math.floor(lat.length * p))] * 10) / 10 : null);
  agent.destroy();
  process.stdout.write(`${JSON.stringify({ requests: lat.length, errors, rps: Math.round(lat.length / secs), p50: pct(0.5), p99: pct(0.99), bytes })}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
