import type { PersonMembership } from './repositories/membership.repository.js';
import type { PersonRecord } from './repositories/person.repository.js';
import type { SessionRecord } from './repositories/session.repository.js';

export interface CachedSession {
  session: SessionRecord;
  person: PersonRecord;
  memberships: PersonMembership[];
}

/**
 * Remembers resolved sessions for a few seconds, because resolving one is a query on every authenticated
 * request. The repositories invalidate it on every write that changes what it holds (logout, password, roles,
 * active organisation, locale), so a change made through this process shows at once; a change made by another
 * server process on the same PostgreSQL (or a read racing a write) shows after at most `ttlMs`.
 */
export class SessionCache {
  private readonly entries = new Map<string, { value: CachedSession; storedAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(tokenHash: string): CachedSession | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (this.now() - entry.storedAt >= this.ttlMs) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return entry.value;
  }

  set(tokenHash: string, value: CachedSession): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(tokenHash, { value, storedAt: this.now() });
  }

  forgetToken(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }

  forgetPerson(personId: string): void {
    for (const [tokenHash, entry] of this.entries) {
      if (entry.value.person.id === personId) this.entries.delete(tokenHash);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}
