import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIM_CI } from '../../testing/fixture-world.ts';
import { createAuthWorld } from '../testing/auth-world.ts';
import { authorize } from '../testing/person.ts';

/**
 * 개별인증's pages for the person on a listener of their own (`config.personPages`): the institutions' endpoints
 * take only registered client certificates, which a person's browser does not have.
 */
describe('개별인증-001 the person’s pages on their own listener', () => {
  const world = createAuthWorld({ config: { personPages: true } });
  let pagesUrl: string;
  beforeAll(async () => {
    pagesUrl = await world.engine.pages!.start({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await world.engine.pages?.stop();
    await world.close();
  });

  it('the authorize redirect sends the browser to the pages listener, where the login page answers', async () => {
    const answer = await authorize(world, 'BKNURI0001', { ci: KIM_CI });
    expect(answer.statusCode).toBe(302);
    const location = answer.headers.location as string;
    expect(location.startsWith(`${pagesUrl}/BKNURI0001/auth/login?request=`)).toBe(true);
    const page = await fetch(location);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<label for="login_id">아이디</label>');
  });

  it('the pages are not served by the engine, and the engine’s endpoints are not served by the pages listener', async () => {
    const answer = await authorize(world, 'BKNURI0001', { ci: KIM_CI });
    const path = new URL(answer.headers.location as string);
    const onEngine = await world.engine.inject({ method: 'GET', url: `${path.pathname}${path.search}` });
    expect(onEngine.statusCode).toBe(404);
    const authorizeOnPages = await fetch(`${pagesUrl}/BKNURI0001/oauth/2.0/authorize`);
    expect(authorizeOnPages.status).toBe(404);
    const tokenOnPages = await fetch(`${pagesUrl}/BKNURI0001/oauth/2.0/token`, { method: 'POST' });
    expect(tokenOnPages.status).toBe(404);
  });
});
