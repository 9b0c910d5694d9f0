import { clientSecretMatches, type Registry, type RegisteredService } from '@hannun/registry';
import { type OAuthFailure, oauthFail } from './oauth-failure.ts';

/**
 * The operator service calling a token or revoke endpoint: its client_id is registered and client_secret
 * matches the registry's hash (in constant time), else `invalid_client`. With mutual TLS the calling
 * organisation is known: a service of another organisation is `unauthorized_client`.
 */
export function authenticateClient(
  registry: Registry,
  clientId: string,
  clientSecret: string,
  callerOrg: string | undefined,
): RegisteredService | OAuthFailure {
  const service = registry.service(clientId);
  // The secret is compared even for an unknown client, so both answers take the same time.
  const matches = clientSecretMatches(clientSecret, service?.clientSecretHash ?? '0'.repeat(64));
  if (!service || !matches) {
    return oauthFail(
      'invalid_client',
      'client_id, client_secret: 클라이언트 인증 실패',
      'client authentication failed',
    );
  }
  if (callerOrg !== undefined && callerOrg !== service.orgCode) {
    return oauthFail(
      'unauthorized_client',
      'client_id: 인증서의 기관이 서비스 운영 기관과 다릅니다',
      'the client certificate belongs to another organisation than the service',
    );
  }
  return service;
}
