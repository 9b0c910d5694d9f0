import { join } from 'node:path';
import type { DemoFile } from './demo-file.ts';
import { HANNUN_APP, HANNUN_OPERATOR } from './demo-organisations.ts';
import type { EcosystemTrust } from './ecosystem-trust.ts';

/**
 * What the trust layer adds to demo.json: where the root and the operator's client certificate and key are
 * (absolute paths), and the operator's client credentials, secrets included (demo.json is 0600).
 */
export function demoTrust(trust: EcosystemTrust, supportUrl: string | null = null): Pick<DemoFile, 'pki' | 'operator'> {
  const { pki, credentials } = trust;
  const operator = pki.manifest.orgs[HANNUN_OPERATOR.pkiId];
  const own = credentials.orgs.get(HANNUN_OPERATOR.orgCode);
  const app = credentials.services.get(HANNUN_APP.key);
  return {
    pki: {
      rootCa: join(pki.dir, pki.manifest.root.cert),
      operatorClientCert: operator ? join(pki.dir, operator.tls.cert) : null,
      operatorClientKey: operator ? join(pki.dir, operator.tls.key) : null,
    },
    operator: {
      supportUrl,
      portalCredentials: own ? { client_id: own.clientId, client_secret: own.clientSecret } : null,
      service: app
        ? {
            org_code: HANNUN_APP.orgCode,
            service_name: HANNUN_APP.name,
            client_id: app.clientId,
            client_secret: app.clientSecret,
            redirect_uri_list: HANNUN_APP.redirectUris,
            app_scheme_list: HANNUN_APP.appSchemes,
          }
        : null,
    },
  };
}
