import type { Institution, SupportConfig } from '@hannun/provider';
import { hashClientSecret } from '@hannun/registry';
import type { EcosystemTrust } from '../ecosystem/ecosystem-trust.ts';

/**
 * 지원-101/102 at the demo's institutions: each verifies the portal credential the portal handed it at
 * onboarding (credentials.json `portal`), keeping only its hash.
 */
export function providerSupport(trust: EcosystemTrust, institutions: readonly Institution[]): SupportConfig {
  const portalCredentials = new Map(
    institutions.flatMap((i) => {
      const pair = trust.credentials.portal.get(i.orgCode);
      return pair
        ? [[i.orgCode, { clientId: pair.clientId, clientSecretHash: hashClientSecret(pair.clientSecret) }] as const]
        : [];
    }),
  );
  return { portalCredentials };
}
