/** A certificate and its private key, both PEM. The key is secret: never log it. */
export interface KeyAndCertificate {
  readonly certPem: string;
  readonly keyPem: string;
}
