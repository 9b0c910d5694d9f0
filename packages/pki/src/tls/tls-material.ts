/**
 * What one organisation needs to take part in mutual TLS: its certificate and key, and the root it trusts.
 * All PEM. `keyPem` is secret: never log it.
 */
export interface TlsMaterial {
  readonly certPem: string;
  readonly keyPem: string;
  /** The root CA certificate: the only issuer trusted for peers. */
  readonly caPem: string;
}
