// The one place that loads @peculiar/x509. Its dependency tsyringe refuses to load without a Reflect
// metadata polyfill, so the polyfill is imported first; and the library is pointed at Node's own WebCrypto,
// so no other crypto implementation is ever used.
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto);

export { x509 };

/** Node's WebCrypto `subtle`. */
export const subtle: webcrypto.SubtleCrypto = webcrypto.subtle;

export type CryptoKey = webcrypto.CryptoKey;
export type CryptoKeyPair = webcrypto.CryptoKeyPair;
