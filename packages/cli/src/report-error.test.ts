import { ConfigError } from '@hannun/infra';
import { describe, expect, it } from 'vitest';
import { reportError } from './report-error.ts';
import { UserError } from './user-error.ts';

function capture() {
  let text = '';
  return { write: (s: string) => (text += s), text: () => text };
}

describe('reportError', () => {
  it('prints a user error message alone and returns its exit code', () => {
    const err = capture();
    expect(reportError(new UserError('Port 3000 on 127.0.0.1 is already in use', 3), err, {})).toBe(3);
    expect(err.text()).toBe('Port 3000 on 127.0.0.1 is already in use\n');
  });

  it('prints configuration problems with exit code 2', () => {
    const err = capture();
    const code = reportError(
      new ConfigError([
        { variable: 'PORT', rule: 'is not a whole number', seen: '"x"', accepted: 'a port', description: 'HTTP port' },
      ]),
      err,
      {},
    );
    expect(code).toBe(2);
    expect(err.text()).toContain('PORT is not a whole number (got "x")');
    expect(err.text()).not.toMatch(/\n\s+at /);
  });

  it('hides the stack of unexpected errors unless HANNUN_DEBUG=1', () => {
    const boom = new Error('boom');
    const quiet = capture();
    expect(reportError(boom, quiet, {})).toBe(1);
    expect(quiet.text()).toBe('hannun: unexpected error: boom\n(set HANNUN_DEBUG=1 to see the stack trace)\n');
    const debug = capture();
    reportError(boom, debug, { HANNUN_DEBUG: '1' });
    expect(debug.text()).toMatch(/\n\s+at /);
  });
});
