import { createLogger, createLogSink } from '@hannun/infra';
import { describeEachDialect } from '@hannun/store/testing';
import { expect, it } from 'vitest';
import { answer } from '../testing/movement-world.ts';
import { openTestDomain, signUpInput, T0 } from '../testing/operator-test-kit.ts';
import { createOperatorMaintenance } from './operator-maintenance.ts';

describeEachDialect('service: the operator’s daily maintenance', (open) => {
  it('AC item 6: the daily run finds a planted orphan, audits counts only and logs no personal data; a failing task does not stop the others', async () => {
    const d = await openTestDomain(open);
    const sink = createLogSink();
    const logger = createLogger({ service: 'maintenance-test', destination: sink, level: 'info' });
    const m = createOperatorMaintenance({
      domain: d,
      logger,
      tasks: [
        {
          name: 'broken',
          run: () => Promise.reject(new Error('boom')),
        },
      ],
    });
    expect((await m.runOnce())['live consents']).toEqual({ ok: true, groups: 0, rows: 0 });

    const { personId } = await d.people.signUp(signUpInput());
    await d.data.store({
      personId,
      orgCode: 'BKTESTCC01',
      apiId: '은행-001',
      apiType: 'scheduled',
      collectedAt: T0,
      flags: { transMemo: false, merchantNameRegno: false, transCategory: false },
      body: answer('은행-001', 'account_list', [{ account_num: '5555666677778888', account_type: '1001', seqno: '1' }]),
    });
    const result = await m.runOnce();
    expect(result['live consents']).toEqual({ ok: false, groups: 1, rows: 1 });
    expect(result.broken).toEqual({ error: 'boom' });
    expect(result['yearly notices']).toMatchObject({ created: 0 });
    const audit = await d.audit.entries(d.store.db);
    expect(audit.at(-1)).toMatchObject({
      action: 'consent.live-check',
      details: { uncovered_groups: 1, rows: 1, people: 1 },
    });
    expect((await m.liveConsents()).uncovered).toEqual([
      { table: 'op_asset', personId, orgCode: 'BKTESTCC01', rows: 1, reason: 'no-consent' },
    ]);
    expect(sink.text()).toContain('rows without a live consent');
    expect(sink.text()).not.toContain('5555666677778888');
    expect(sink.text()).not.toContain(personId);
    await m.stop();
  });
});
