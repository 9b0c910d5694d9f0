import { isIPv4 } from 'node:net';

/** An address as registered: IPv4-mapped IPv6 (`::ffff:10.0.0.1`) read as its IPv4. */
export function plainIp(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped && isIPv4(mapped[1]!) ? mapped[1]! : ip;
}

export function isLoopback(ip: string): boolean {
  const p = plainIp(ip);
  return p === '::1' || (isIPv4(p) && p.startsWith('127.'));
}

/** 40102's rule: the address is one the organisation registered, or loopback when allowed (the demo). */
export function ipAllowed(ips: readonly string[], ip: string, allowLoopback: boolean): boolean {
  const p = plainIp(ip);
  if (allowLoopback && isLoopback(p)) return true;
  return ips.some((registered) => plainIp(registered) === p);
}
