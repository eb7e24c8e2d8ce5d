import { DomainError } from '../errors/domain-error.js';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 256;

/**
 * Checks a new password against the policy (NIST SP 800-63B style: length over composition rules,
 * no password equal to the e-mail). Throws `PASSWORD_TOO_WEAK` naming the rule that failed.
 */
export function assertPasswordAcceptable(password: string, email: string): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('PASSWORD_TOO_WEAK', `Password must have at least ${MIN_PASSWORD_LENGTH} characters`, {
      field: 'password',
      rule: 'min_length',
      minLength: MIN_PASSWORD_LENGTH,
    });
  }
  if (length > MAX_PASSWORD_LENGTH) {
    throw new DomainError('PASSWORD_TOO_WEAK', `Password must have at most ${MAX_PASSWORD_LENGTH} characters`, {
      field: 'password',
      rule: 'max_length',
    });
  }
  const lowered = password.toLowerCase();
  if (lowered === email.toLowerCase() || lowered === email.toLowerCase().split('@')[0]) {
    throw new DomainError('PASSWORD_TOO_WEAK', 'Password must not be the e-mail address', {
      field: 'password',
      rule: 'not_email',
    });
  }
  if (new Set(password).size < 4) {
    throw new DomainError('PASSWORD_TOO_WEAK', 'Password must use at least 4 different characters', {
      field: 'password',
      rule: 'variety',
    });
  }
}
