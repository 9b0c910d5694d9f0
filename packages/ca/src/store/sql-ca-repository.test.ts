import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import type { CaDatabase } from './ca-database.ts';
import { caRepositoryContract } from './ca-repository.contract.ts';
import { migrateCaStore, sqlCaRepository } from './sql-ca-repository.ts';

describeEachDialect('CaRepository contract [sql]', (open) => {
  caRepositoryContract(async () => {
    const store = await open<CaDatabase>();
    await migrateCaStore(store);
    return sqlCaRepository(store);
  });

  it('migrations: the ca namespace applies once; a second run applies nothing', async () => {
    const store = await open<CaDatabase>();
    expect(await migrateCaStore(store)).toEqual(['0001_ca_core']);
    expect(await migrateCaStore(store)).toEqual([]);
  });
});
