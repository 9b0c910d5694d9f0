/** The PostgreSQL the tests use: HANNUN_TEST_PG_URL, or the local server CI starts. */
export const DEFAULT_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

export function testPgUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env['HANNUN_TEST_PG_URL'] || DEFAULT_TEST_PG_URL;
}

/** What to do when the test PostgreSQL cannot be reached: the PG half of a suite fails with this. */
export function pgUnreachableMessage(shownUrl: string, reason: string): string {
  return [
    `PostgreSQL for the tests is not reachable at ${shownUrl} (${reason}).`,
    'The store tests run on SQLite AND PostgreSQL and never skip one. Start PostgreSQL with',
    '  bash .ci/services.sh',
    'or  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start',
    'or point HANNUN_TEST_PG_URL at a server (trust or password auth, a database the user may create schemas in).',
  ].join('\n');
}
