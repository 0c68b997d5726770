import 'reflect-metadata';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, In } from 'typeorm';
import { RegionEntity } from '../org/region.entity';
import { ENTITIES } from './entities';
import { SqliteBusyError, serialiseSqlite } from './sqlite-serial';
import { UuidSubscriber } from './uuid.subscriber';

// Real transactions on a real in-memory SQLite database, awaiting real timers half-way, many at once.

const open = async (serial: boolean, waitMs?: number): Promise<DataSource> => {
  const ds = new DataSource({ type: 'better-sqlite3', database: ':memory:', entities: ENTITIES, subscribers: [UuidSubscriber], synchronize: true });
  if (serial) serialiseSqlite(ds, waitMs);
  return ds.initialize();
};

const names = async (ds: DataSource): Promise<string[]> =>
  (await ds.getRepository(RegionEntity).find()).map((r) => r.name).sort();

/** n transactions in flight at once; each writes, waits, writes, waits, and the odd ones then fail. */
async function mixed(ds: DataSource, n: number): Promise<PromiseSettledResult<unknown>[]> {
  return Promise.allSettled(
    Array.from({ length: n }, (_, i) =>
      ds.transaction(async (em) => {
        const repo = em.getRepository(RegionEntity);
        await repo.insert({ name: `t${i}-a`, level: 'town', parentId: null });
        await sleep(5 + ((i * 7) % 11));
        await repo.insert({ name: `t${i}-b`, level: 'town', parentId: null });
        await sleep(3 + ((i * 5) % 7));
        if (i % 2 === 1) throw new Error(`t${i} fails half-way`);
      }),
    ),
  );
}

const expected = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => i)
    .filter((i) => i % 2 === 0)
    .flatMap((i) => [`t${i}-a`, `t${i}-b`])
    .sort();

describe('serialised SQLite transactions', () => {
  let ds: DataSource;
  afterEach(async () => {
    if (ds?.isInitialized) await ds.destroy();
  });

  it('keeps every committed transaction whole and leaves nothing of the failed ones', async () => {
    ds = await open(true);
    const results = await mixed(ds, 12);
    expect(results.map((r) => r.status)).toEqual(Array.from({ length: 12 }, (_, i) => (i % 2 ? 'rejected' : 'fulfilled')));
    expect(await names(ds)).toEqual(expected(12));
  });

  it('writes outside transactions neither join a running transaction nor vanish with its rollback', async () => {
    ds = await open(true);
    const repo = ds.getRepository(RegionEntity);
    const outside = Array.from({ length: 6 }, async (_, i) => {
      await sleep(2 + i * 3);
      // save() opens its own short transaction, insert() is a bare statement: both must wait their turn.
      if (i % 2) await repo.save(repo.create({ name: `o${i}`, level: 'town', parentId: null }));
      else await repo.insert({ name: `o${i}`, level: 'town', parentId: null });
    });
    const [results] = await Promise.all([mixed(ds, 8), Promise.all(outside)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(4);
    expect(await names(ds)).toEqual([...expected(8), 'o0', 'o1', 'o2', 'o3', 'o4', 'o5'].sort());
  });

  it('a root repository used inside a transaction callback joins it instead of waiting forever', async () => {
    ds = await open(true, 2000);
    const repo = ds.getRepository(RegionEntity);
    const seen = await ds.transaction(async (em) => {
      await em.getRepository(RegionEntity).insert({ name: 'inner', level: 'town', parentId: null });
      await sleep(5);
      // Reads through the root repository see the open transaction's own write.
      const read = await repo.findOneBy({ name: 'inner' });
      // A nested transaction() on the data source is a savepoint of the running one.
      await ds
        .transaction(async (em2) => {
          await em2.getRepository(RegionEntity).insert({ name: 'nested-undone', level: 'town', parentId: null });
          throw new Error('undo the savepoint only');
        })
        .catch(() => undefined);
      await repo.save(repo.create({ name: 'saved-inside', level: 'town', parentId: null }));
      return read?.name;
    });
    expect(seen).toBe('inner');
    expect(await names(ds)).toEqual(['inner', 'saved-inside']);
  });

  it('a statement that waits too long for a running transaction fails with SQLITE_BUSY instead of hanging', async () => {
    ds = await open(true, 50);
    const slow = ds.transaction(async (em) => {
      await em.getRepository(RegionEntity).insert({ name: 'slow', level: 'town', parentId: null });
      await sleep(300);
    });
    await sleep(5);
    await expect(ds.getRepository(RegionEntity).findBy({ name: In(['slow']) })).rejects.toBeInstanceOf(SqliteBusyError);
    await slow;
    expect(await names(ds)).toEqual(['slow']);
  });

  it('without the gate the same load mixes transactions (the failure this guards against)', async () => {
    ds = await open(false);
    const results = await mixed(ds, 12);
    const fine = results.every((r, i) => r.status === (i % 2 ? 'rejected' : 'fulfilled'));
    const same = JSON.stringify(await names(ds)) === JSON.stringify(expected(12));
    expect(fine && same).toBe(false);
  });
});
