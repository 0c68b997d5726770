import { Writable } from 'node:stream';
import { DownloadClosed, filterText, ledgerCells, ledgerDisposition, writeLedger } from './hazard-ledger';
import type { LedgerRow } from './hazards-list.sql';

const now = new Date('2026-12-06T17:00:00Z'); // 2026-12-07 01:00 in Shanghai

function row(over: Partial<LedgerRow> = {}): LedgerRow {
  return {
    id: 'h1', enterpriseId: 'e1', enterpriseName: '甲厂', cooperativeId: 'c1', inspectionId: null, workshopId: null, workshopName: null, itemId: null, itemCode: null,
    category: 'fire', description: '灭火器过期', level: 'general', fixMode: 'deadline', source: 'peer', foundById: 'u1', foundByName: '张三', foundOn: '2026-12-01',
    deadline: '2026-12-06', planDueOn: null, status: 'reported', recurrenceOfId: null, photoIds: '[]', closedAt: null, createdAt: '2026-12-01 02:00:00.000', version: 1,
    rectMeasures: null, rectCostFen: null, rectResponsible: null, rectCompletedOn: null, planMeasures: null, planFundsFen: null, planResponsible: null,
    verifierName: null, verifiedAt: null, ...over,
  };
}

describe('ledger lines', () => {
  it('overdue from the day after the deadline in Shanghai; money in 元 from fen; the plan for an unfixed major hazard', () => {
    expect(ledgerCells(1, row(), now).at(-1)).toBe('待整改（逾期）');
    expect(ledgerCells(1, row({ deadline: '2026-12-07' }), now).at(-1)).toBe('待整改');
    const major = ledgerCells(2, row({ level: 'major', planMeasures: '停用', planFundsFen: '3800050', planResponsible: '李四' }), now);
    expect(major.slice(9, 12)).toEqual(['停用', 38000.5, '李四']);
    // once fixed, the fix's figures, whatever the plan said
    const fixed = ledgerCells(3, row({ level: 'major', planFundsFen: 100, rectMeasures: '更换', rectCostFen: 1, rectResponsible: '王五', status: 'closed', verifierName: '赵六', verifiedAt: '2026-12-06 16:30:00.000' }), now);
    expect(fixed.slice(9, 17)).toEqual(['更换', 0.01, '王五', '2026-12-06', null, '赵六', '2026-12-07', '已销号']);
  });

  it('names the file in Chinese with an ASCII fallback, and the filters in words', () => {
    expect(ledgerDisposition(now)).toBe(`attachment; filename="hazard-ledger-20261207.xlsx"; filename*=UTF-8''${encodeURIComponent('隐患台账-20261207.xlsx')}`);
    expect(filterText({ view: 'all', status: 'reported', level: 'major', overdue: 'true', from: '2026-12-01' })).toBe('待整改 · 重大 · 逾期 · 发现日期 2026-12-01 至 …');
  });
});

describe('writeLedger', () => {
  it('stops reading rows when the download is closed while it waits for the reader', async () => {
    // a reader that takes the first chunk and then nothing more
    const out = new Writable({ highWaterMark: 1024, write: () => undefined });
    let pulled = 0;
    async function* batches(): AsyncGenerator<LedgerRow[]> {
      for (let b = 0; b < 40; b++) {
        pulled += 1;
        // a batch is a database query: I/O in between
        await new Promise((r) => setImmediate(r));
        yield Array.from({ length: 500 }, (_, i) => row({ id: `h${b}-${i}`, description: `隐患 ${b}-${i}：配电箱未上锁，线路老化裸露` }));
      }
    }
    const writing = writeLedger(out, batches(), { now, total: 20_000, filter: { view: 'all' } });
    await new Promise((r) => setTimeout(r, 300));
    const waitingAt = pulled;
    out.destroy();
    await expect(writing).rejects.toBeInstanceOf(DownloadClosed);
    expect(waitingAt).toBeLessThan(40);
    expect(pulled).toBe(waitingAt);
  });

  it('does not wait for ever when the download closes while the file is being finished', async () => {
    const out = new Writable({ highWaterMark: 1024, write: () => undefined });
    async function* batches(): AsyncGenerator<LedgerRow[]> {
      yield [row()];
    }
    const writing = writeLedger(out, batches(), { now, total: 1, filter: { view: 'all' } });
    setTimeout(() => out.destroy(), 200);
    await expect(writing).rejects.toBeInstanceOf(DownloadClosed);
  });

  it('writes a whole file to a reader that keeps reading', async () => {
    const chunks: Buffer[] = [];
    const out = new Writable({ write: (c: Buffer, _e, cb) => (chunks.push(c), cb()) });
    async function* batches(): AsyncGenerator<LedgerRow[]> {
      yield [row(), row({ id: 'h2' })];
    }
    await expect(writeLedger(out, batches(), { now, total: 2, filter: { view: 'all' } })).resolves.toBe(2);
    expect(Buffer.concat(chunks).subarray(0, 2).toString()).toBe('PK');
  });
});
