import type { OperatorDomain } from '../../operator-domain.ts';
import { type CollectionEngine, type CollectSettings, createCollectionEngine } from '../collect-engine.ts';
import { createProviderClient } from '../provider-client.ts';
import { CLIENT_ID, CLIENT_SECRET, type CollectWorld, OPERATOR, type RecordedCall } from './collect-world.ts';

/** Short waits for tests: retries in milliseconds, calls given up after 2 s. */
export const FAST: Partial<CollectSettings> = {
  callTimeoutMs: 2_000,
  retry: { attempts: 3, baseMs: 5, capMs: 20, maxRetryAfterMs: 3_000 },
  leaseMs: 5_000,
  unavailableMs: 60_000,
};

/** An engine over the world, its calls recorded (org, API, x-api-type, fields, outcome). */
export function testEngine(
  domain: OperatorDomain,
  world: CollectWorld,
  settings: Partial<CollectSettings> = {},
): { engine: CollectionEngine; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const real = createProviderClient({
    orgCode: OPERATOR,
    timeoutMs: settings.callTimeoutMs ?? FAST.callTimeoutMs!,
    now: () => domain.clock.nowMs(),
  });
  const engine = createCollectionEngine({
    domain,
    registry: world.registry,
    orgCode: OPERATOR,
    service: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET },
    settings: { ...FAST, ...settings },
    client: {
      async call(c) {
        const r = await real.call(c);
        const orgCode = c.baseUrl.slice(c.baseUrl.lastIndexOf('/') + 1);
        calls.push({
          orgCode,
          apiId: c.apiId,
          apiType: c.apiType,
          fields: c.fields,
          kind: r.kind,
          rspCode: 'rspCode' in r ? r.rspCode : null,
        });
        return r;
      },
    },
  });
  return { engine, calls };
}
