import { describeEachDialect } from '@hannun/store/testing';
import { fetch } from 'undici';
import { expect, it } from 'vitest';
import { signUpInput } from '../testing/operator-test-kit.ts';
import { openTestApp, PASSWORD } from './testing/app-kit.ts';

describeEachDialect('the app API: live progress (server-sent events)', (open) => {
  it('AC item 9: the person’s connect and collect events stream as they happen, only theirs; stopping the service ends the stream', async () => {
    const t = await openTestApp(open);
    const url = await t.app.start({ host: '127.0.0.1', port: 0 });
    try {
      const a = signUpInput({ password: PASSWORD });
      const { personId } = await t.d.people.signUp(a);
      const other = await t.d.people.signUp(signUpInput({ password: PASSWORD }));
      const b = t.browser();
      await b.post('/api/login', { loginName: a.loginName, password: PASSWORD });
      const cookie = `hannun_session=${b.cookies.get('hannun_session')!}`;

      expect((await fetch(`${url}/api/progress`)).status).toBe(401);
      const res = await fetch(`${url}/api/progress`, { headers: { cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-store');
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      const readUntil = async (needle: string) => {
        while (!text.includes(needle)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`stream ended before ${needle}`);
          text += decoder.decode(value, { stream: true });
        }
      };
      await readUntil(': connected');
      t.rt.hub.connect({ personId: other.personId, flowId: 'f_other', stage: 'waiting', at: 1 });
      t.rt.hub.connect({ personId, flowId: 'f_1', orgCode: 'BKTESTAA01', stage: 'connected', at: 2 });
      t.collector.emit({ personId, orgCode: 'BKTESTAA01', type: 'phase', phase: 'listing', at: 3 });
      await readUntil('event: collect');
      expect(text).toContain(
        'event: connect\ndata: {"kind":"connect","flowId":"f_1","orgCode":"BKTESTAA01","stage":"connected","at":2}',
      );
      expect(text).toContain(
        'event: collect\ndata: {"kind":"collect","orgCode":"BKTESTAA01","type":"phase","phase":"listing","at":3}',
      );
      expect(text).not.toContain('f_other');
      expect(text).not.toContain(personId);

      const stopped = t.app.stop();
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
      await stopped;
      expect(t.rt.hub.listening).toBe(0);
    } finally {
      await t.close();
    }
  });
});
