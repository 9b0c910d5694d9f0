import fc from 'fast-check';
import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { bankDraft, openTestDomain, signUpInput } from '../testing/operator-test-kit.ts';
import type { ConsentStatus } from './consent-status.ts';

const ORGS = ['BKTESTAA01', 'BKTESTBB01'] as const;

type Command =
  | { kind: 'propose'; org: number }
  | { kind: 'change'; org: number }
  | { kind: 'activate'; org: number }
  | { kind: 'withdraw'; org: number; pick: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('propose' as const), org: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('change' as const), org: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('activate' as const), org: fc.integer({ min: 0, max: 1 }) }),
  fc.record({ kind: fc.constant('withdraw' as const), org: fc.integer({ min: 0, max: 1 }), pick: fc.nat() }),
);

/**
 * Model-based property test of the consent state machine on the real repository: random sequences of
 * proposals, changes, activations and withdrawals; after each step the stored versions must equal a
 * simple model, at most one version is active and one pending per institution, no version is ever lost,
 * and final versions never change.
 */
describeEachDialect('consent state machine (model-based, fast-check)', (open) => {
  it('every sequence of operations keeps the records equal to the model and the invariants true', async () => {
    const d = await openTestDomain(open);
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        const { personId } = await d.people.signUp(signUpInput());
        const model: Record<string, { id: string; status: ConsentStatus }[]> = { [ORGS[0]]: [], [ORGS[1]]: [] };
        for (const cmd of commands) {
          const org = ORGS[cmd.org]!;
          const versions = model[org]!;
          const active = versions.find((v) => v.status === 'active');
          const pending = versions.find((v) => v.status === 'pending');
          switch (cmd.kind) {
            case 'propose': {
              const c = await d.consents.propose(personId, bankDraft(org));
              if (pending) pending.status = 'withdrawn';
              versions.push({ id: c.id, status: 'pending' });
              break;
            }
            case 'change': {
              if (!active) {
                await expect(d.consents.change(personId, versions[0]?.id ?? 'c_none', {})).rejects.toBeTruthy();
                break;
              }
              const c = await d.consents.change(personId, active.id, { fndCycle: '2w' });
              if (pending) pending.status = 'withdrawn';
              versions.push({ id: c.id, status: 'pending' });
              break;
            }
            case 'activate': {
              if (!pending) break;
              await d.consents.activate(personId, pending.id);
              if (active) active.status = 'superseded';
              pending.status = 'active';
              break;
            }
            case 'withdraw': {
              const target = versions[cmd.pick % Math.max(1, versions.length)];
              if (!target) break;
              if (target.status === 'active' || target.status === 'pending') {
                await d.consents.withdraw(personId, target.id);
                target.status = 'withdrawn';
              } else {
                await expect(d.consents.withdraw(personId, target.id)).rejects.toMatchObject({
                  code: 'OP_CONSENT_STATE',
                });
              }
              break;
            }
          }
          const stored = await d.consents.history(personId);
          for (const o of ORGS) {
            const mine = stored.filter((s) => s.orgCode === o);
            expect(mine.map((s) => [s.id, s.status])).toEqual(model[o]!.map((v) => [v.id, v.status]));
            expect(mine.map((s) => s.version)).toEqual(mine.map((_, i) => i + 1));
            expect(mine.filter((s) => s.status === 'active').length).toBeLessThanOrEqual(1);
            expect(mine.filter((s) => s.status === 'pending').length).toBeLessThanOrEqual(1);
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
