// Every page loads data the one way (miniprogram/hooks/use-query.ts): no page hand-writes its own
// loading / error / retry / pull-to-refresh state. A source check, so a new page cannot drift.
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', 'miniprogram');

function pages(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...pages(p));
    else if (e.name === 'index.tsx' && /[\\/]pages[\\/]/.test(p)) out.push(p);
  }
  return out;
}

// What a hand-written loader looks like; the hook owns all of these.
const HAND_WRITTEN = [
  /\bsetLoading\(/,
  /\bsetError\(/,
  /\busePullDownRefresh\(/,
  /\bstopPullDownRefresh\(/,
  /\buseReachBottom\(/,
  /\buseDidShow\(/,
];
// Reading from the API: any get*/list*/fetch*/preview* service call.
const LOADS = /\b(get|list|fetch|preview)[A-Z]\w*\(/;

const all = pages(SRC).map((p) => ({ file: path.relative(SRC, p), src: fs.readFileSync(p, 'utf8') }));

test('the pages are found (the check would pass vacuously otherwise)', () => {
  expect(all.length).toBeGreaterThanOrEqual(12);
  expect(all.map((p) => p.file)).toEqual(expect.arrayContaining(['pages/home/index.tsx', 'packages/org/pages/directory/index.tsx']));
});

test.each(all.map((p) => [p.file, p.src]))('%s has no hand-written loading state', (_file, src) => {
  for (const pattern of HAND_WRITTEN) expect(src).not.toMatch(pattern);
});

test.each(all.filter((p) => LOADS.test(p.src)).map((p) => [p.file, p.src]))('%s loads through useQuery / usePagedQuery and shows it with StateView', (_file, src) => {
  expect(src).toMatch(/\buse(Paged)?Query\(/);
  expect(src).toMatch(/<StateView[^>]*\bquery=\{/);
});
