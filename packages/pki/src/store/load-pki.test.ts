import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePki } from './ensure-pki.ts';
import { loadPki } from './load-pki.ts';
import { PkiNotFoundError } from './pki.ts';
import { snapshot, withDataDir } from './store-fixture.ts';

const BANK = { id: 'bank', name: '한눈은행', regNo: '1018100340' };
const CARD = { id: 'card', name: '한눈카드', regNo: '1168119477' };

describe('loadPki: read-only access for services started after ensurePki', () => {
  it('returns the same credentials and manifest, and writes nothing', () =>
    withDataDir(async (dataDir) => {
      const ensured = await ensurePki({ dataDir, orgs: [BANK, CARD] });
      const before = await snapshot(ensured.dir);
      const loaded = await loadPki({ dataDir });
      expect(loaded.root.certPem).toBe(ensured.root.certPem);
      expect(loaded.org('bank')).toEqual(ensured.org('bank'));
      expect({ ...loaded.manifest, updatedAt: '' }).toEqual({ ...ensured.manifest, updatedAt: '' });
      expect(loaded.changes).toEqual([]);
      expect(await snapshot(ensured.dir)).toEqual(before);
    }));

  it('throws PkiNotFoundError when there is no PKI', () =>
    withDataDir(async (dataDir) => {
      await expect(loadPki({ dataDir })).rejects.toThrow(PkiNotFoundError);
    }));

  it('reports an unusable organisation instead of failing for all', () =>
    withDataDir(async (dataDir) => {
      const ensured = await ensurePki({ dataDir, orgs: [BANK, CARD] });
      await rm(join(ensured.dir, 'orgs', 'card', 'tls.key.pem'));
      await writeFile(join(ensured.dir, 'orgs', 'bank', 'signing.key.pem'), 'not a key');
      const loaded = await loadPki({ dataDir });
      expect([...loaded.orgs.keys()]).toEqual([]);
      expect(loaded.problems).toEqual([
        expect.stringMatching(/^orgs\/bank is unusable: signing key /),
        'orgs/card is unusable: TLS pair missing',
      ]);
    }));
});
