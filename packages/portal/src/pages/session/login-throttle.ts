/** Failed logins per source address: after `max` in `windowMs`, the address waits until the window has passed. */
export interface LoginThrottle {
  blocked(ip: string, nowMs: number): boolean;
  failed(ip: string, nowMs: number): void;
  succeeded(ip: string): void;
}

export function createLoginThrottle(max = 5, windowMs = 5 * 60_000): LoginThrottle {
  const failures = new Map<string, number[]>();
  const recent = (ip: string, nowMs: number) => (failures.get(ip) ?? []).filter((t) => nowMs - t < windowMs);
  return {
    blocked: (ip, nowMs) => recent(ip, nowMs).length >= max,
    failed(ip, nowMs) {
      failures.set(ip, [...recent(ip, nowMs), nowMs]);
      if (failures.size > 10_000) failures.delete(failures.keys().next().value!);
    },
    succeeded(ip) {
      failures.delete(ip);
    },
  };
}
