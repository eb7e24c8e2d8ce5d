import type { Store } from '../storage/repositories/create-repositories.js';
import type { MailTransport } from './mail-transport.js';

/** Hashes and verifies passwords; the production implementation is argon2id. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/**
 * What every service needs: storage, a clock and the password hasher (injected so tests control them), and the
 * outgoing mail when an SMTP server is configured (absent or null: codes are shown to the admin instead).
 */
export interface ServiceContext {
  readonly store: Store;
  readonly clock: () => Date;
  readonly passwords: PasswordHasher;
  readonly mail?: MailTransport | null;
}
