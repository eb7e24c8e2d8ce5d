import { describe, expect, it } from 'vitest';
import { SessionCache, type CachedSession } from './session-cache.js';

function cached(personId: string): CachedSession {
  const at = new Date('2026-09-01T08:00:00Z');
  return {
    session: {
      tokenHash: 'h',
      personId,
      csrfToken: 'c',
      activeOrganisationId: null,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: at,
    },
    person: {
      id: personId,
      email: `${personId}@x.cn`,
      loginId: null,
      mustChangePassword: false,
      displayName: personId,
      passwordHash: null,
      locale: 'zh-CN',
      isDemo: false,
      disabled: false,
      createdAt: at.toISOString(),
    },
    memberships: [],
  };
}

describe('SessionCache', () => {
  it('keeps entries for the TTL only', () => {
    let now = 0;
    const cache = new SessionCache(5000, 10, () => now);
    cache.set('t1', cached('p1'));
    now = 4999;
    expect(cache.get('t1')?.person.id).toBe('p1');
    now = 5000;
    expect(cache.get('t1')).toBeUndefined();
  });

  it('forgets one token, or every token of a person', () => {
    const cache = new SessionCache(5000);
    cache.set('t1', cached('p1'));
    cache.set('t2', cached('p1'));
    cache.set('t3', cached('p2'));
    cache.forgetToken('t3');
    expect(cache.get('t3')).toBeUndefined();
    cache.forgetPerson('p1');
    expect([cache.get('t1'), cache.get('t2')]).toEqual([undefined, undefined]);
  });

  it('is bounded, dropping the oldest entry, and off with a zero TTL', () => {
    const cache = new SessionCache(5000, 2);
    cache.set('t1', cached('p1'));
    cache.set('t2', cached('p2'));
    cache.set('t3', cached('p3'));
    expect(cache.get('t1')).toBeUndefined();
    expect(cache.get('t3')?.person.id).toBe('p3');
    const off = new SessionCache(0);
    off.set('t1', cached('p1'));
    expect(off.get('t1')).toBeUndefined();
  });
});
