import { randomBytes } from 'node:crypto';
import { EC_ALGORITHM } from './algorithm.ts';
import type { KeyAndCertificate } from './key-and-certificate.ts';
import { generateKeyPair } from './key-pair.ts';
import { privateKeyToPem } from './pem.ts';
import { randomSerialNumberHex } from './serial-number.ts';
import { resolveValidity, type ValidityOptions } from './validity.ts';
import { x509 } from './x509.ts';

/** Ten years: the root outlives many generations of leaves. */
export const ROOT_VALIDITY_DAYS = 3650;

export interface RootCaOptions extends ValidityOptions {
  /** Subject CN. Default `Hannun Local Root CA <8 hex>`: a fresh suffix per root, so old and new roots differ by name. */
  readonly commonName?: string;
}

/**
 * A self-signed root CA: ECDSA P-256, CA:true with path length 0 (it issues only leaves), key usage
 * keyCertSign and cRLSign, both critical; ten years unless told otherwise.
 */
export async function createRootCa(options: RootCaOptions = {}): Promise<KeyAndCertificate> {
  const { notBefore, notAfter } = resolveValidity(options, ROOT_VALIDITY_DAYS);
  const commonName = options.commonName ?? `Hannun Local Root CA ${randomBytes(4).toString('hex')}`;
  const keys = await generateKeyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialNumberHex(),
    name: [{ C: ['KR'] }, { O: ['Hannun'] }, { CN: [commonName] }],
    notBefore,
    notAfter,
    keys,
    signingAlgorithm: EC_ALGORITHM,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: privateKeyToPem(keys.privateKey) };
}
