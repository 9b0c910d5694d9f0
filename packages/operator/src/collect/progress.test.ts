import { describe, expect, it } from 'vitest';
import { type ProgressEvent, ProgressHub } from './progress.ts';

const event = (personId: string, orgCode: string, type: 'queued' | 'late'): ProgressEvent =>
  type === 'queued'
    ? { type, personId, orgCode, jobId: 'j', apiType: 'user-consent', at: 1, notBefore: 1 }
    : {
        type,
        personId,
        orgCode,
        jobId: 'j',
        apiType: 'user-consent',
        at: 2,
        reason: { code: 'late', ko: '지연', en: 'late' },
      };

describe('progress events per person', () => {
  it('a person’s subscribers get their events only; latest keeps the last per institution; a throwing listener is dropped', () => {
    const hub = new ProgressHub();
    const mine: ProgressEvent[] = [];
    const off = hub.subscribe('p1', (e) => mine.push(e));
    hub.subscribe('p1', () => {
      throw new Error('broken client');
    });
    hub.emit(event('p1', 'BK', 'queued'));
    hub.emit(event('p2', 'BK', 'queued'));
    hub.emit(event('p1', 'BK', 'late'));
    hub.emit(event('p1', 'CD', 'queued'));
    expect(mine.map((e) => `${e.orgCode} ${e.type}`)).toEqual(['BK queued', 'BK late', 'CD queued']);
    expect(hub.latest('p1').map((e) => `${e.orgCode} ${e.type}`)).toEqual(['BK late', 'CD queued']);
    expect(hub.listeners('p1')).toBe(1);
    off();
    expect(hub.listeners('p1')).toBe(0);
  });
});
