import { describe } from 'vitest';
import { caRepositoryContract } from './ca-repository.contract.ts';
import { createMemoryCaRepository } from './memory-ca-repository.ts';

describe('CaRepository contract [memory]', () => {
  caRepositoryContract(async () => createMemoryCaRepository());
});
