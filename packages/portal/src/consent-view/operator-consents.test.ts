import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredOrg } from '../store/registry-repository.ts';
import type { RegistryRepository } from '../store/registry-repository.ts';
import { gatherConsents } from './operator-consents.ts';

/** Operators as the portal finds them: one answering well, one answering garbage, one unreachable, one without a domain. */
const CI = 'A'.repeat(88);
let server: Server;
let base: string;
const agent = new Agent();

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url?.endsWith('/mgmts/oauth/2.0/token')) {
        res.end(JSON.stringify({ token_type: 'Bearer', access_token: 'tok', expires_in: '3600', scope: 'manage' }));
      } else if (req.url === '/good/v2/mgmts/consents') {
        const { user_ci } = JSON.parse(body) as { user_ci: string };
        expect(user_ci).toBe(CI);
        res.end(
          JSON.stringify({
            rsp_code: '00000',
            rsp_msg: '성공',
            is_member: 'true',
            service_cnt: '1',
            service_list: [
              {
                client_id: 'app1',
                consent_cnt: '1',
                consent_list: [
                  {
                    org_code: 'BKNURI0001',
                    scope: 'bank.list bank.deposit',
                    consent_date: '20260101',
                    consent_end_date: '20270101',
                  },
                ],
              },
            ],
          }),
        );
      } else res.end(JSON.stringify({ rsp_code: '00000', is_member: 'maybe' }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await agent.close();
  await new Promise((r) => server.close(r));
});

const org = (orgCode: string, domain: string | undefined, orgType = '03'): StoredOrg =>
  ({
    org: { orgCode, name: orgCode, orgType, ...(domain ? { domain } : {}) },
    portalCredentialGen: 1,
  }) as unknown as StoredOrg;

describe('지원-103 gathered from every operator', () => {
  it('AC5: an operator that answers gives its consents; one that answers badly or cannot be reached is said to be unknown, never "none"', async () => {
    const registry = {
      orgs: async () => [
        org('MDGOOD0001', `${base}/good`),
        org('MDBAD00001', `${base}/bad`),
        org('MDGONE0001', 'http://127.0.0.1:1/gone'),
        org('MDNODOMAIN', undefined),
        org('BKNURI0001', `${base}/good`, '01'),
      ],
    } as unknown as RegistryRepository;
    const answers = await gatherConsents(
      { registry, dispatcher: agent, credentialKey: new Uint8Array(32), portalOrgCode: 'PTHANNUN01', timeoutMs: 2000 },
      CI,
    );
    expect(answers.map((a) => a.orgCode)).toEqual(['MDGOOD0001', 'MDBAD00001', 'MDGONE0001', 'MDNODOMAIN']);
    expect(answers[0]).toMatchObject({
      ok: true,
      member: true,
      services: [
        {
          clientId: 'app1',
          consents: [
            { orgCode: 'BKNURI0001', scope: 'bank.list bank.deposit', consentDate: '20260101', endDate: '20270101' },
          ],
        },
      ],
    });
    expect(answers[1]).toMatchObject({ ok: false, reason: expect.stringContaining('malformed') });
    expect(answers[2]).toMatchObject({ ok: false, reason: expect.stringContaining('unreachable') });
    expect(answers[3]).toMatchObject({ ok: false, reason: 'no domain is registered' });
  });
});
