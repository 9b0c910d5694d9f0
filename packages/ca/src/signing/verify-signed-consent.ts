import { type KeyObject, X509Certificate } from 'node:crypto';
import { claimsOf, parseEs256Jws, protectedHeaderOf, verifyEs256Async } from '@hannun/pki';
import { SIGNED_CONSENT_ALG, SIGNED_CONSENT_TYP, type SignedConsentPayload } from './signed-consent-format.ts';

/** Why a signed consent is not good (for the log; 104 answers result "false" for all of them). */
export type SignedConsentFault =
  | 'malformed'
  | 'header'
  | 'chain'
  | 'signature'
  | 'payload'
  | 'certificate-not-valid-at-signing';

export type SignedConsentCheck =
  | { readonly ok: true; readonly payload: SignedConsentPayload; readonly certSerial: string }
  | { readonly ok: false; readonly fault: SignedConsentFault };

const bad = (fault: SignedConsentFault): SignedConsentCheck => ({ ok: false, fault });

function payloadOf(p: Record<string, unknown> | undefined): SignedConsentPayload | undefined {
  if (!p) return undefined;
  const { consent, consentNonce, cert_tx_id, tx_id, iat } = p;
  if (typeof consent !== 'string' || typeof consentNonce !== 'string' || consentNonce.length < 16) return undefined;
  if (typeof cert_tx_id !== 'string' || typeof tx_id !== 'string') return undefined;
  if (typeof iat !== 'number' || !Number.isSafeInteger(iat)) return undefined;
  return { consent, consentNonce, cert_tx_id, tx_id, iat };
}

/** A person certificate that chains to the personal root: what a signature check needs of it. */
interface ChainedLeaf {
  readonly publicKey: KeyObject;
  readonly serial: string;
  readonly validFromMs: number;
  readonly validToMs: number;
}

/** Leaves that chained, by root and leaf (Base64 DER): at most this many, oldest forgotten first. */
const CHAINED_LEAVES_MAX = 1024;
const roots = new Map<string, X509Certificate>();
const chained = new Map<string, ChainedLeaf>();

function rootOf(personalRootPem: string): X509Certificate {
  let root = roots.get(personalRootPem);
  if (!root) {
    root = new X509Certificate(personalRootPem);
    if (roots.size >= 8) roots.clear();
    roots.set(personalRootPem, root);
  }
  return root;
}

/**
 * The leaf if it is an end-entity certificate issued and signed by `root`, else undefined. The answer depends
 * on the two certificates' bytes alone, so a leaf that chained is remembered (its parsed public key too): the
 * thirty signatures of one approval parse and check the person's certificate once.
 * Leaves that fail are not remembered, so nobody can fill the memory with them.
 */
function chainedLeaf(leafB64: string, root: X509Certificate, rootPem: string): ChainedLeaf | undefined {
  const key = `${rootPem}\u0001${leafB64}`;
  const known = chained.get(key);
  if (known) return known;
  let leaf: X509Certificate;
  try {
    leaf = new X509Certificate(Buffer.from(leafB64, 'base64'));
  } catch {
    return undefined;
  }
  if (leaf.ca || !leaf.checkIssued(root) || !leaf.verify(root.publicKey)) return undefined;
  const entry: ChainedLeaf = {
    publicKey: leaf.publicKey,
    serial: leaf.serialNumber.toUpperCase(),
    validFromMs: Date.parse(leaf.validFrom),
    validToMs: Date.parse(leaf.validTo),
  };
  if (chained.size >= CHAINED_LEAVES_MAX) chained.delete(chained.keys().next().value!);
  chained.set(key, entry);
  return entry;
}

const wrongHeader = (header: Readonly<Record<string, unknown>> | undefined) =>
  header !== undefined && (header['alg'] !== SIGNED_CONSENT_ALG || header['typ'] !== SIGNED_CONSENT_TYP);

/**
 * Check a signed consent on its own (signed-consent-format.ts): ES256 with typ JOSE; x5c is exactly the
 * person's certificate and THIS CA's personal root (the root in the token is compared with ours byte for
 * byte, and the leaf's signature is checked with our root's key: a chain from anywhere else fails); the
 * leaf is an end-entity certificate valid when the consent was signed (iat); the signature verifies with
 * the leaf's key. What the payload says is the caller's to compare (104 does).
 */
export async function verifySignedConsent(jws: string, personalRootPem: string): Promise<SignedConsentCheck> {
  // ES256 on node:crypto (es256-jws.ts): three base64url parts, no crit or b64, a 64-byte signature. What
  // is not that is a wrong header when its header names another alg or typ, else garbage.
  const parsed = parseEs256Jws(jws);
  if (!parsed) return bad(wrongHeader(protectedHeaderOf(jws)) ? 'header' : 'malformed');
  const { header } = parsed;
  if (wrongHeader(header)) return bad('header');
  const x5c = header['x5c'];
  if (!Array.isArray(x5c) || x5c.length !== 2 || x5c.some((c) => typeof c !== 'string')) return bad('header');
  const [leafB64, rootB64] = x5c as [string, string];
  const root = rootOf(personalRootPem);
  if (!Buffer.from(rootB64, 'base64').equals(root.raw)) return bad('chain');
  const leaf = chainedLeaf(leafB64, root, personalRootPem);
  if (!leaf) return bad('chain');
  // On libuv's thread pool: the event loop goes on meanwhile.
  if (!(await verifyEs256Async(parsed, leaf.publicKey))) return bad('signature');
  const payload = payloadOf(claimsOf(parsed));
  if (!payload) return bad('payload');
  const signedAt = payload.iat * 1000;
  if (signedAt < leaf.validFromMs || signedAt > leaf.validToMs) return bad('certificate-not-valid-at-signing');
  return { ok: true, payload, certSerial: leaf.serial };
}
