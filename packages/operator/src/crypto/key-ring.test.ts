import { mkdtempSync, readFileSync, statSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyRingError } from './crypto-errors.ts';
import { generateKeyRing, keyRingFromJson, keyRingToFile, withNewKek } from './key-ring.ts';
import { loadKeyRing } from './load-key-ring.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'hannun-op-keys-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('operator key ring (KEK from a 0600 file in the data dir, or an env secret)', () => {
  it('round-trips through its JSON form, versions included', () => {
    const ring = withNewKek(generateKeyRing());
    const back = keyRingFromJson(JSON.stringify(keyRingToFile(ring)));
    expect(back.current).toBe(2);
    expect([...back.keks.keys()]).toEqual([1, 2]);
    expect(back.keks.get(1)?.equals(ring.keks.get(1)!)).toBe(true);
    expect(back.indexKey.equals(ring.indexKey)).toBe(true);
  });

  it.each([
    ['not JSON', '{', /not JSON/],
    ['a wrong format', JSON.stringify({ format: 'x' }), /format/],
    ['a short key', JSON.stringify({ ...keyRingToFile(generateKeyRing()), index: 'AAAA' }), /index must be 32 bytes/],
    [
      'a current version without its key',
      JSON.stringify({ ...keyRingToFile(generateKeyRing()), current: 7 }),
      /current/,
    ],
  ])('refuses %s with a message naming the field, never a key', (_, text, message) => {
    expect(() => keyRingFromJson(text)).toThrow(KeyRingError);
    expect(() => keyRingFromJson(text)).toThrow(message);
  });

  it('creates <dataDir>/operator/keys.json 0600 on first start and reuses it after', async () => {
    const dataDir = tempDir();
    const first = await loadKeyRing({ dataDir });
    expect(first.created).toBe(true);
    expect(statSync(first.source).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'operator')).mode & 0o777).toBe(0o700);
    const second = await loadKeyRing({ dataDir });
    expect(second.created).toBe(false);
    expect(second.ring.indexKey.equals(first.ring.indexKey)).toBe(true);
  });

  it('two starts at once agree on one key ring', async () => {
    const dataDir = tempDir();
    const [a, b] = await Promise.all([loadKeyRing({ dataDir }), loadKeyRing({ dataDir })]);
    expect(a.ring.indexKey.equals(b.ring.indexKey)).toBe(true);
    expect(JSON.parse(readFileSync(a.source, 'utf8')).format).toBe('hannun-operator-keys/1');
  });

  it('tightens a key file others could read to 0600 and says so', async () => {
    const dataDir = tempDir();
    const { source } = await loadKeyRing({ dataDir });
    chmodSync(source, 0o644);
    const again = await loadKeyRing({ dataDir });
    expect(again.tightened).toBe(true);
    expect(statSync(source).mode & 0o777).toBe(0o600);
  });

  it('HANNUN_OPERATOR_KEYS wins over the file and writes nothing', async () => {
    const dataDir = tempDir();
    const ring = generateKeyRing();
    const loaded = await loadKeyRing({ dataDir, env: { HANNUN_OPERATOR_KEYS: JSON.stringify(keyRingToFile(ring)) } });
    expect(loaded.source).toBe('env');
    expect(loaded.ring.indexKey.equals(ring.indexKey)).toBe(true);
    expect(() => statSync(join(dataDir, 'operator', 'keys.json'))).toThrow();
  });
});
