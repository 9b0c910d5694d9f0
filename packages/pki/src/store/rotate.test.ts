import { X509Certificate } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensurePki } from './ensure-pki.ts';
import type { OrgSpec } from './org-spec.ts';
import { PkiNotFoundError } from './pki.ts';
import { rotate } from './rotate.ts';
import { snapshot, withDataDir } from './store-fixture.ts';

const BANK: OrgSpec = { id: 'bank', name: '한눈은행', regNo: '1018100340' };
const OPERATOR: OrgSpec = { id: 'operator', name: '한눈마이데이터', regNo: '2208162517' };

describe('rotate one organisation: a new TLS key and certificate, the old archived', () => {
  it('gives a new leaf fingerprint and key, archives the old files 0600 in 0700, and touches nothing else', () =>
    withDataDir(async (dataDir) => {
      const before = await ensurePki({ dataDir, orgs: [BANK, OPERATOR] });
      const operatorFiles = await snapshot(join(before.dir, 'orgs', 'operator'));
      const after = await rotate({ dataDir, orgId: 'bank' });

      const [change] = after.changes;
      expect(after.changes).toEqual([
        { item: 'tls', orgId: 'bank', action: 'replaced', reason: 'rotated', archivedTo: change!.archivedTo },
      ]);
      const oldBank = before.org('bank');
      const newBank = after.org('bank');
      expect(newBank.certificate.fingerprint256).not.toBe(oldBank.certificate.fingerprint256);
      expect(newBank.certificate.serialNumber).not.toBe(oldBank.certificate.serialNumber);
      expect(
        new X509Certificate(newBank.certPem).publicKey.equals(new X509Certificate(oldBank.certPem).publicKey),
      ).toBe(false);
      expect(newBank.certificate.subjectSerialNumber).toBe(BANK.regNo);
      // Not rotated: the root, the signing key, the other organisation.
      expect(after.root.certificate.fingerprint256).toBe(before.root.certificate.fingerprint256);
      expect(newBank.signing!.kid).toBe(oldBank.signing!.kid);
      expect(await snapshot(join(after.dir, 'orgs', 'operator'))).toEqual(operatorFiles);

      const archive = join(after.dir, change!.archivedTo!);
      expect(await readFile(join(archive, 'tls.crt.pem'), 'utf8')).toBe(oldBank.certPem);
      expect(await readFile(join(archive, 'tls.key.pem'), 'utf8')).toBe(oldBank.keyPem);
      for (const [path, { mode }] of await snapshot(join(after.dir, 'archive'))) {
        expect([path, mode.toString(8)]).toEqual([path, path.endsWith('/') ? '700' : '600']);
      }
      expect((await stat(join(after.dir, 'archive'))).mode & 0o777).toBe(0o700);
      expect(after.manifest.orgs['bank']!.tls.fingerprint256).toBe(newBank.certificate.fingerprint256);
    }));

  it('with signing: true also replaces the signing key', () =>
    withDataDir(async (dataDir) => {
      const before = await ensurePki({ dataDir, orgs: [BANK] });
      const after = await rotate({ dataDir, orgId: 'bank', signing: true });
      expect(after.changes.map((c) => [c.item, c.reason])).toEqual([
        ['tls', 'rotated'],
        ['signing', 'rotated'],
      ]);
      expect(after.org('bank').signing!.kid).not.toBe(before.org('bank').signing!.kid);
    }));

  it('is followed by a restart that keeps the rotated files', () =>
    withDataDir(async (dataDir) => {
      await ensurePki({ dataDir, orgs: [BANK] });
      const rotated = await rotate({ dataDir, orgId: 'bank' });
      const restarted = await ensurePki({ dataDir, orgs: [BANK] });
      expect(restarted.changes).toEqual([]);
      expect(restarted.org('bank').certificate.fingerprint256).toBe(rotated.org('bank').certificate.fingerprint256);
    }));
});

describe('rotate the whole PKI', () => {
  it('replaces the root and re-issues every certificate under it; signing keys stay unless asked', () =>
    withDataDir(async (dataDir) => {
      const before = await ensurePki({ dataDir, orgs: [BANK, OPERATOR] });
      const after = await rotate({ dataDir, root: true });
      expect(after.changes.map((c) => [c.item, c.orgId, c.reason])).toEqual([
        ['root', undefined, 'rotated'],
        ['tls', 'bank', 'issuer-changed'],
        ['tls', 'operator', 'issuer-changed'],
      ]);
      expect(after.root.certificate.fingerprint256).not.toBe(before.root.certificate.fingerprint256);
      const newRoot = new X509Certificate(after.root.certPem);
      for (const id of ['bank', 'operator']) {
        const org = after.org(id);
        expect(new X509Certificate(org.certPem).verify(newRoot.publicKey)).toBe(true);
        expect(org.caPem).toBe(after.root.certPem);
        expect(org.signing!.kid).toBe(before.org(id).signing!.kid);
      }
      const archived = await readdir(join(after.dir, 'archive'));
      expect(archived.filter((name) => /-root-/.test(name))).toHaveLength(1);
      expect(archived.filter((name) => /-org-/.test(name))).toHaveLength(2);
      const oldRoot = archived.find((name) => /-root-/.test(name))!;
      expect(await readFile(join(after.dir, 'archive', oldRoot, 'ca.crt.pem'), 'utf8')).toBe(before.root.certPem);
    }));

  it('with signing: true replaces every signing key too', () =>
    withDataDir(async (dataDir) => {
      const before = await ensurePki({ dataDir, orgs: [BANK, { ...OPERATOR, signingKey: false }] });
      const after = await rotate({ dataDir, root: true, signing: true });
      expect(after.org('bank').signing!.kid).not.toBe(before.org('bank').signing!.kid);
      // An organisation without a signing key does not get one from a rotation.
      expect(after.org('operator').signing).toBeNull();
    }));
});

describe('rotate refuses what it cannot do', () => {
  it('an empty data directory has nothing to rotate', () =>
    withDataDir(async (dataDir) => {
      await expect(rotate({ dataDir, root: true })).rejects.toThrow(PkiNotFoundError);
    }));

  it('an unknown organisation', () =>
    withDataDir(async (dataDir) => {
      await ensurePki({ dataDir, orgs: [BANK] });
      await expect(rotate({ dataDir, orgId: 'nobody' })).rejects.toThrow(/no organisation "nobody"/);
    }));

  it('neither orgId nor root', () =>
    withDataDir(async (dataDir) => {
      await expect(rotate({ dataDir })).rejects.toThrow(/orgId, root/);
    }));
});
