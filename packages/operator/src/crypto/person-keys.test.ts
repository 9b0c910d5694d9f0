import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { openTestDomain } from '../testing/operator-test-kit.ts';
import { DataKeyMissing } from './crypto-errors.ts';
import { personCipher } from './field-cipher.ts';
import { withNewKek } from './key-ring.ts';
import { createOperatorCrypto } from './operator-crypto.ts';

describeEachDialect('person data keys (DEK wrapped by the KEK)', (open) => {
  it('crypto-shredding: once the data key is destroyed, every sealed value of the person is unreadable', async () => {
    const d = await openTestDomain(open);
    const { db } = d.store;
    const keys = await d.crypto.keys.create(db, 'p_shred');
    const sealed = personCipher(keys).seal('op_person', 'name', 'p_shred', '김한눈');
    expect((await d.crypto.cipherFor(db, 'p_shred')).open('op_person', 'name', 'p_shred', sealed)).toBe('김한눈');
    expect(await d.crypto.keys.destroy(db, 'p_shred')).toBe(1);
    await expect(d.crypto.cipherFor(db, 'p_shred')).rejects.toBeInstanceOf(DataKeyMissing);
    // A fresh process (no cache) cannot either.
    const fresh = createOperatorCrypto(d.keyRing);
    await expect(fresh.cipherFor(db, 'p_shred')).rejects.toThrow(/destroyed/);
  });

  it('the wrapped key is bound to its person: copied to another person it does not unwrap', async () => {
    const d = await openTestDomain(open);
    const { db } = d.store;
    await d.crypto.keys.create(db, 'p_a');
    const row = await db
      .selectFrom('op_person_key')
      .selectAll()
      .where('person_id', '=', 'p_a')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('op_person_key')
      .values({ ...row, person_id: 'p_b' })
      .execute();
    await expect(createOperatorCrypto(d.keyRing).cipherFor(db, 'p_b')).rejects.toThrow(/does not open/);
  });

  it('KEK rotation: rewrapAll moves every data key to the new KEK; values sealed before still open', async () => {
    const d = await openTestDomain(open);
    const { db } = d.store;
    const sealed: string[] = [];
    for (const p of ['p1', 'p2', 'p3']) {
      sealed.push(personCipher(await d.crypto.keys.create(db, p)).seal('op_person', 'name', p, `이름${p}`));
    }
    const rotated = withNewKek(d.keyRing);
    const after = createOperatorCrypto(rotated);
    expect(await after.keys.rewrapAll(db, 2)).toBe(3);
    expect(await after.keys.rewrapAll(db)).toBe(0);
    const versions = await db.selectFrom('op_person_key').select('kek_version').execute();
    expect(versions.map((v) => Number(v.kek_version))).toEqual([2, 2, 2]);
    // Only the new KEK is needed now.
    const onlyNew = createOperatorCrypto({ ...rotated, keks: new Map([[2, rotated.keks.get(2)!]]) });
    for (const [i, p] of ['p1', 'p2', 'p3'].entries()) {
      expect((await onlyNew.cipherFor(db, p)).open('op_person', 'name', p, sealed[i]!)).toBe(`이름${p}`);
    }
  });

  it('data-key rotation: a new version seals from then on; the old one still opens', async () => {
    const d = await openTestDomain(open);
    const { db } = d.store;
    const v1 = personCipher(await d.crypto.keys.create(db, 'p_rot'));
    const old = v1.seal('op_person', 'name', 'p_rot', '김한눈');
    const v2 = personCipher(await d.crypto.keys.rotate(db, 'p_rot'));
    const fresh = v2.seal('op_person', 'name', 'p_rot', '김한눈');
    const loaded = await createOperatorCrypto(d.keyRing).cipherFor(db, 'p_rot');
    expect(loaded.open('op_person', 'name', 'p_rot', old)).toBe('김한눈');
    expect(loaded.open('op_person', 'name', 'p_rot', fresh)).toBe('김한눈');
    expect(Buffer.from(fresh, 'base64').readUInt32BE(1)).toBe(2);
  });
});
