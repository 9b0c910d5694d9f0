import { X509Certificate } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { issueOrgCertificate } from '../certs/org-certificate.ts';
import { createRootCa } from '../certs/root-ca.ts';
import { ensurePki } from './ensure-pki.ts';
import type { PkiManifest } from './manifest.ts';
import type { OrgSpec } from './org-spec.ts';
import { snapshot, withDataDir } from './store-fixture.ts';

const BANK: OrgSpec = { id: 'bank-hannun', name: '한눈은행', regNo: '1018100340' };
const OPERATOR: OrgSpec = {
  id: 'operator',
  name: '한눈마이데이터',
  regNo: '2208162517',
  hosts: ['operator.hannun.test'],
};
const CARD: OrgSpec = { id: 'card-hannun', name: '한눈카드', regNo: '1168119477', signingKey: false };

const fingerprints = (pki: Awaited<ReturnType<typeof ensurePki>>) => ({
  root: pki.root.certificate.fingerprint256,
  ...Object.fromEntries([...pki.orgs].map(([id, org]) => [id, org.certificate.fingerprint256])),
});

describe('ensurePki: the local PKI is created on first start', () => {
  it('creates a root and, per organisation, a TLS certificate with subject serialNumber = regNo and a signing key', () =>
    withDataDir(async (dataDir) => {
      const pki = await ensurePki({ dataDir, orgs: [BANK, OPERATOR, CARD] });
      expect(pki.dir).toBe(join(dataDir, 'pki'));
      expect(pki.changes).toEqual([
        { item: 'root', action: 'created', reason: 'missing' },
        { item: 'tls', orgId: 'bank-hannun', action: 'created', reason: 'missing' },
        { item: 'signing', orgId: 'bank-hannun', action: 'created', reason: 'missing' },
        { item: 'tls', orgId: 'card-hannun', action: 'created', reason: 'missing' },
        { item: 'tls', orgId: 'operator', action: 'created', reason: 'missing' },
        { item: 'signing', orgId: 'operator', action: 'created', reason: 'missing' },
      ]);
      const bank = pki.org('bank-hannun');
      expect(bank.certificate.subjectSerialNumber).toBe(BANK.regNo);
      expect(new X509Certificate(bank.certPem).verify(new X509Certificate(pki.root.certPem).publicKey)).toBe(true);
      expect(bank.caPem).toBe(pki.root.certPem);
      expect(bank.signing?.publicJwk.alg).toBe('ES256');
      expect(pki.org('card-hannun').signing).toBeNull();
      expect(pki.org('operator').certificate.subjectAltNames).toContain('DNS:operator.hannun.test');
      expect(() => pki.org('nobody')).toThrow(/no organisation "nobody"/);
    }));

  it('keeps private keys 0600 and every directory 0700', () =>
    withDataDir(async (dataDir) => {
      await ensurePki({ dataDir, orgs: [BANK, CARD] });
      const files = await snapshot(join(dataDir, 'pki'));
      expect((await stat(join(dataDir, 'pki'))).mode & 0o777).toBe(0o700);
      expect([...files.keys()].sort()).toEqual([
        'manifest.json',
        'orgs/',
        'orgs/bank-hannun/',
        'orgs/bank-hannun/org.json',
        'orgs/bank-hannun/signing.jwk.json',
        'orgs/bank-hannun/signing.key.pem',
        'orgs/bank-hannun/tls.crt.pem',
        'orgs/bank-hannun/tls.key.pem',
        'orgs/card-hannun/',
        'orgs/card-hannun/org.json',
        'orgs/card-hannun/tls.crt.pem',
        'orgs/card-hannun/tls.key.pem',
        'root/',
        'root/ca.crt.pem',
        'root/ca.key.pem',
      ]);
      for (const [path, { mode }] of files)
        expect([path, mode.toString(8)]).toEqual([path, path.endsWith('/') ? '700' : '600']);
      for (const key of ['root/ca.key.pem', 'orgs/bank-hannun/tls.key.pem', 'orgs/bank-hannun/signing.key.pem']) {
        expect(files.get(key)!.content).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
      }
    }));

  it('writes a manifest of paths, subjects, serial numbers, fingerprints and validity, with no key material', () =>
    withDataDir(async (dataDir) => {
      const pki = await ensurePki({ dataDir, orgs: [BANK, CARD] });
      const text = await readFile(join(dataDir, 'pki', 'manifest.json'), 'utf8');
      expect(text).not.toMatch(/PRIVATE KEY|"d":/);
      const manifest = JSON.parse(text) as PkiManifest;
      expect(manifest).toEqual(pki.manifest);
      expect(manifest.algorithm).toBe('ECDSA P-256 with SHA-256');
      expect(manifest.root).toMatchObject({
        cert: 'root/ca.crt.pem',
        key: 'root/ca.key.pem',
        fingerprint256: pki.root.certificate.fingerprint256,
      });
      expect(manifest.orgs['bank-hannun']).toMatchObject({
        name: BANK.name,
        regNo: BANK.regNo,
        tls: {
          cert: 'orgs/bank-hannun/tls.crt.pem',
          key: 'orgs/bank-hannun/tls.key.pem',
          subject: `C=KR, O=${BANK.name}, CN=${BANK.name}, serialNumber=${BANK.regNo}`,
          subjectSerialNumber: BANK.regNo,
          serialNumber: pki.org('bank-hannun').certificate.serialNumber,
          fingerprint256: pki.org('bank-hannun').certificate.fingerprint256,
          notAfter: pki.org('bank-hannun').certificate.notAfter.toISOString(),
        },
        signing: { key: 'orgs/bank-hannun/signing.key.pem', jwk: 'orgs/bank-hannun/signing.jwk.json', alg: 'ES256' },
      });
      expect(manifest.orgs['card-hannun']!.signing).toBeNull();
    }));
});

describe('ensurePki: a restart reuses what exists', () => {
  it('keeps the same root, certificates and keys, and writes nothing', () =>
    withDataDir(async (dataDir) => {
      const first = await ensurePki({ dataDir, orgs: [BANK, OPERATOR] });
      const before = await snapshot(join(dataDir, 'pki'));
      const second = await ensurePki({ dataDir, orgs: [BANK, OPERATOR] });
      expect(fingerprints(second)).toEqual(fingerprints(first));
      expect(second.changes).toEqual([]);
      expect(second.org('bank-hannun').signing!.kid).toBe(first.org('bank-hannun').signing!.kid);
      expect(await snapshot(join(dataDir, 'pki'))).toEqual(before);
    }));

  it('adding an organisation later adds only its files', () =>
    withDataDir(async (dataDir) => {
      const first = await ensurePki({ dataDir, orgs: [BANK] });
      const before = await snapshot(join(dataDir, 'pki'));
      const second = await ensurePki({ dataDir, orgs: [BANK, OPERATOR] });
      expect(second.changes.map((c) => [c.item, c.orgId])).toEqual([
        ['tls', 'operator'],
        ['signing', 'operator'],
      ]);
      const after = await snapshot(join(dataDir, 'pki'));
      for (const [path, entry] of before) {
        if (path === 'manifest.json' || path.endsWith('/')) continue;
        expect([path, after.get(path)]).toEqual([path, entry]);
      }
      expect(second.root.certificate.fingerprint256).toBe(first.root.certificate.fingerprint256);
      expect(second.org('operator').certificate.issuer).toBe(first.root.certificate.subject);
    }));

  it('keeps organisations already in the store that a call does not name', () =>
    withDataDir(async (dataDir) => {
      const first = await ensurePki({ dataDir, orgs: [BANK, OPERATOR] });
      const second = await ensurePki({ dataDir, orgs: [OPERATOR] });
      expect(fingerprints(second)).toEqual(fingerprints(first));
      expect(second.org('bank-hannun').regNo).toBe(BANK.regNo);
    }));

  it('two starts at once share one root (the store is locked while it changes)', () =>
    withDataDir(async (dataDir) => {
      const [a, b] = await Promise.all([
        ensurePki({ dataDir, orgs: [BANK] }),
        ensurePki({ dataDir, orgs: [OPERATOR] }),
      ]);
      expect(a.root.certificate.fingerprint256).toBe(b.root.certificate.fingerprint256);
      const again = await ensurePki({ dataDir, orgs: [] });
      expect([...again.orgs.keys()]).toEqual(['bank-hannun', 'operator']);
      expect(again.changes).toEqual([]);
    }));
});

describe('ensurePki: what is no longer good is re-issued, and the old archived', () => {
  it('a certificate expiring within 30 days is re-issued', () =>
    withDataDir(async (dataDir) => {
      const short = await ensurePki({ dataDir, orgs: [BANK], leafValidityDays: 10, renewBeforeDays: 5 });
      expect((await ensurePki({ dataDir, orgs: [BANK], leafValidityDays: 10, renewBeforeDays: 5 })).changes).toEqual(
        [],
      );
      const renewed = await ensurePki({ dataDir, orgs: [BANK] });
      expect(renewed.changes).toEqual([
        {
          item: 'tls',
          orgId: 'bank-hannun',
          action: 'replaced',
          reason: 'expiring',
          archivedTo: expect.stringMatching(/^archive\/\d{8}T\d{9}Z-org-bank-hannun-[0-9a-f]{4}$/),
        },
      ]);
      const bank = renewed.org('bank-hannun');
      expect(bank.certificate.fingerprint256).not.toBe(short.org('bank-hannun').certificate.fingerprint256);
      expect(bank.keyPem).not.toBe(short.org('bank-hannun').keyPem);
      expect((bank.certificate.notAfter.getTime() - Date.now()) / 86_400_000).toBeGreaterThan(364);
      // The signing key is not a certificate: renewal keeps it.
      expect(bank.signing!.kid).toBe(short.org('bank-hannun').signing!.kid);
      const archived = await readFile(join(renewed.dir, renewed.changes[0]!.archivedTo!, 'tls.crt.pem'), 'utf8');
      expect(archived).toBe(short.org('bank-hannun').certPem);
    }));

  it('a root expiring within 30 days is replaced, and every certificate with it', () =>
    withDataDir(async (dataDir) => {
      const old = await ensurePki({ dataDir, orgs: [BANK], rootValidityDays: 20, renewBeforeDays: 5 });
      const renewed = await ensurePki({ dataDir, orgs: [BANK] });
      expect(renewed.changes.map((c) => [c.item, c.reason])).toEqual([
        ['root', 'expiring'],
        ['tls', 'issuer-changed'],
      ]);
      expect(renewed.root.certificate.fingerprint256).not.toBe(old.root.certificate.fingerprint256);
      expect(renewed.org('bank-hannun').certificate.issuer).toBe(renewed.root.certificate.subject);
    }));

  it('a changed registration number or host list re-issues the certificate', () =>
    withDataDir(async (dataDir) => {
      await ensurePki({ dataDir, orgs: [BANK] });
      const moved = await ensurePki({ dataDir, orgs: [{ ...BANK, regNo: '9999999999', hosts: ['bank.example'] }] });
      expect(moved.changes.map((c) => [c.item, c.reason])).toEqual([['tls', 'identity-changed']]);
      expect(moved.org('bank-hannun').certificate.subjectSerialNumber).toBe('9999999999');
      expect(moved.org('bank-hannun').certificate.subjectAltNames).toContain('DNS:bank.example');
    }));

  it('a key that does not match its certificate is replaced, the broken pair archived', () =>
    withDataDir(async (dataDir) => {
      const pki = await ensurePki({ dataDir, orgs: [BANK] });
      const stray = await issueOrgCertificate(await createRootCa(), BANK);
      await writeFile(join(pki.dir, 'orgs', 'bank-hannun', 'tls.key.pem'), stray.keyPem, { mode: 0o600 });
      const healed = await ensurePki({ dataDir, orgs: [BANK] });
      expect(healed.changes.map((c) => [c.item, c.reason])).toEqual([['tls', 'unreadable']]);
      expect(healed.org('bank-hannun').certificate.fingerprint256).not.toBe(
        pki.org('bank-hannun').certificate.fingerprint256,
      );
    }));

  it('a certificate from a root that is not the store root is re-issued', () =>
    withDataDir(async (dataDir) => {
      const pki = await ensurePki({ dataDir, orgs: [BANK] });
      const stray = await issueOrgCertificate(await createRootCa(), BANK);
      await writeFile(join(pki.dir, 'orgs', 'bank-hannun', 'tls.crt.pem'), stray.certPem);
      await writeFile(join(pki.dir, 'orgs', 'bank-hannun', 'tls.key.pem'), stray.keyPem);
      const healed = await ensurePki({ dataDir, orgs: [BANK] });
      expect(healed.changes.map((c) => [c.item, c.reason])).toEqual([['tls', 'issuer-changed']]);
    }));

  it('an unusable organisation nobody asks for is reported and left alone', () =>
    withDataDir(async (dataDir) => {
      await ensurePki({ dataDir, orgs: [BANK] });
      await mkdir(join(dataDir, 'pki', 'orgs', 'ghost'), { mode: 0o700 });
      const pki = await ensurePki({ dataDir, orgs: [] });
      expect(pki.problems).toEqual([expect.stringMatching(/^orgs\/ghost is unusable/)]);
      expect([...pki.orgs.keys()]).toEqual(['bank-hannun']);
    }));

  it('leftovers of a crash mid-write are removed', () =>
    withDataDir(async (dataDir) => {
      await ensurePki({ dataDir, orgs: [BANK] });
      const orgsDir = join(dataDir, 'pki', 'orgs');
      await mkdir(join(orgsDir, '.staging-bank-hannun-0a1b2c3d'));
      await writeFile(join(dataDir, 'pki', '.manifest.json.tmp-123-0a1b2c3d'), '{');
      const pki = await ensurePki({ dataDir, orgs: [BANK] });
      expect(pki.changes).toEqual([]);
      expect(await readdir(orgsDir)).toEqual(['bank-hannun']);
      expect(await readdir(pki.dir)).not.toContain('.manifest.json.tmp-123-0a1b2c3d');
    }));
});

describe('ensurePki: bad input is refused before anything is written', () => {
  it.each([
    [{ orgs: [{ ...BANK, id: '../escape' }] }, /organisation id/],
    [{ orgs: [BANK, BANK] }, /listed twice/],
    [{ orgs: [{ ...BANK, regNo: '한글' }] }, /regNo/],
    [{ orgs: [BANK], leafValidityDays: 20 }, /must exceed renewBeforeDays/],
  ])('%#: %j', (options, message) =>
    withDataDir(async (dataDir) => {
      await expect(ensurePki({ dataDir, ...options })).rejects.toThrow(message);
      expect(await readdir(dataDir)).toEqual([]);
    }),
  );
});
