import { fetch } from 'undici';

/**
 * DEMO ONLY. What a person does on the CA's page (a signing request at `/sign/…`, an identity check at
 * `/identity/…`), done by `hannun up` for the demo's people with their demo PIN: the page is fetched and its
 * real form posted (CSRF token, action approve, PIN), exactly as a browser would. Never used for anyone else:
 * a real person reads the page and types their PIN themselves.
 */
export async function approveOnCaPageForDemo(pageUrl: string, pin: string): Promise<void> {
  const page = await fetch(pageUrl, { signal: AbortSignal.timeout(10_000) });
  const html = await page.text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(html)?.[1];
  if (page.status !== 200 || !csrf) throw new Error(`the CA page answered ${page.status} without its form`);
  const done = await fetch(pageUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ csrf, action: 'approve', pin }).toString(),
    signal: AbortSignal.timeout(10_000),
  });
  await done.text();
  if (done.status !== 200) throw new Error(`the CA page refused the demo approval (${done.status})`);
}
