/**
 * Every key in the local PKI is ECDSA on P-256, signed with SHA-256: certificates (ecdsa-with-SHA256) and
 * JWS (ES256) alike. P-256 keys are generated in about a millisecond, and every TLS 1.3 stack accepts them.
 */
export const EC_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** How the manifest and README describe the algorithm. */
export const ALGORITHM_LABEL = 'ECDSA P-256 with SHA-256';

/** The JWS `alg` of the signing keys. */
export const JWS_ALG = 'ES256';
