import type { Store } from '../storage/repositories/create-repositories.js';

/** Hashes and verifies passwords; the production implementation is argon2id. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** What every service needs: storage, a clock and the password hasher (injected so tests control them). */
export interface ServiceContext {
  readonly store: Store;
  readonly clock: () => Date;
  readonly passwords: PasswordHasher;
}
