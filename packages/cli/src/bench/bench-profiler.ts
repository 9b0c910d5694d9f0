import { Session } from 'node:inspector';
import { tellParent } from './bench-child.ts';
import type { ChildProfile } from './integrated-auth-protocol.ts';
import { type CpuProfile, categoriseProfile } from './profile-categories.ts';

/** µs between samples: fine enough for phases of tens of milliseconds. */
const SAMPLING_US = 100;

/**
 * In a benchmark child: profile its CPU on the parent's request, `{ type: 'profile-start' }` (answered
 * `profile-started`) then `{ type: 'profile-stop' }` (answered with the CPU time by kind of work), with V8's
 * sampling profiler through the inspector. Off until asked, so the measured rounds run unprofiled.
 */
export function serveProfiles(): void {
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params: object = {}) =>
    new Promise<T>((resolve, reject) => {
      session.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T)));
    });
  const ready = post('Profiler.enable').then(() => post('Profiler.setSamplingInterval', { interval: SAMPLING_US }));
  const fail = (error: unknown) =>
    tellParent({ type: 'error', message: `profiler: ${error instanceof Error ? error.message : String(error)}` });
  process.on('message', (m: { type?: unknown }) => {
    if (m.type === 'profile-start') {
      ready
        .then(() => post('Profiler.start'))
        .then(() => tellParent({ type: 'profile-started' }))
        .catch(fail);
    } else if (m.type === 'profile-stop') {
      post<{ profile: CpuProfile }>('Profiler.stop')
        .then(({ profile }) =>
          tellParent({ type: 'profile', kinds: Object.fromEntries(categoriseProfile(profile)) } satisfies ChildProfile),
        )
        .catch(fail);
    }
  });
}
