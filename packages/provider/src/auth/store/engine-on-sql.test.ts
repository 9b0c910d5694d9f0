import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateStorageKey } from '@hannun/pki';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemoryConsentStore } from '../../consent/memory-consent-store.ts';
import { FIXTURE_ORGS } from '../../testing/fixture-world.ts';
import { generateSigningKeys } from '../../tokens/signing-keys.ts';
import { CLIENT_ID, CLIENT_SECRET, createAuthWorld, REDIRECT_URI } from '../testing/auth-world.ts';
import { walkIndividualAuth } from '../testing/person.ts';
import { openSqlAuthStore } from './sql-auth-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'hannun-provider-auth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const url = `sqlite:${join(dir, 'provider.db')}`;
const signingKeys = generateSigningKeys(FIXTURE_ORGS);
const ORG = 'BKNURI0001';
const storageKey = generateStorageKey();

async function engineOnSql() {
  const consents = createMemoryConsentStore();
  const store = await openSqlAuthStore({ url, consents, storageKey });
  const world = createAuthWorld({ consents, auth: { store }, config: { signingKeys } });
  return {
    world,
    close: async () => {
      await world.close();
      await store.close();
    },
  };
}

describe('the engine on the SQL auth store (SQLite file), across a restart', () => {
  it('AC90: consents, pairs, used codes and a refreshed pair’s old access token survive a restart', async () => {
    const first = await engineOnSql();
    const { callback } = await walkIndividualAuth(first.world, ORG);
    const code = callback.searchParams.get('code')!;
    const form = {
      org_code: ORG,
      grant_type: 'authorization_code',
      code,
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uri: REDIRECT_URI,
    };
    const pair = (await first.world.post(ORG, 'token', form)).json() as Record<string, string>;
    const refreshed = (
      await first.world.post(ORG, 'token', {
        org_code: ORG,
        grant_type: 'refresh_token',
        refresh_token: pair['refresh_token']!,
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      })
    ).json() as Record<string, string>;
    await first.close();

    const second = await engineOnSql();
    try {
      const status = async (token: string) =>
        ((await second.world.call(ORG, '은행-001', token)).json() as Record<string, string>)['rsp_code'];
      expect(await status(refreshed['access_token']!)).toBe('00000');
      expect(await status(pair['access_token']!)).toBe('40101');
      const replay = await second.world.post(ORG, 'token', form);
      expect(replay.json()).toMatchObject({ error: 'invalid_grant' });
      expect(await status(refreshed['access_token']!)).toBe('40101');
    } finally {
      await second.close();
    }
  });
});
