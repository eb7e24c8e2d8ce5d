import { isPlatformAdmin, type Actor } from './actor.js';

/** A reset or activation code is valid for 72 hours, once; a newer code of the same person voids it. */
export const ONE_TIME_CODE_LIFETIME_MS = 72 * 60 * 60 * 1000;
/** Random bytes a code is made from (the first 50 bits are used: 10 characters of Crockford's base 32). */
export const ONE_TIME_CODE_BYTES = 7;

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 10;

/**
 * A one-time code from random bytes: 10 characters of Crockford's base 32 (50 bits, no I, L, O or U) in two groups
 * of five, `7KQ4M-2XH9B`, so it can be read aloud, printed on a class list and typed on a phone.
 */
export function formatOneTimeCode(random: Uint8Array): string {
  if (random.length < ONE_TIME_CODE_BYTES) throw new Error(`a one-time code needs ${ONE_TIME_CODE_BYTES} random bytes`);
  let bits = 0n;
  for (let index = 0; index < ONE_TIME_CODE_BYTES; index += 1) bits = (bits << 8n) | BigInt(random[index] ?? 0);
  let code = '';
  for (let index = 0; index < CODE_LENGTH; index += 1) {
    code = (ALPHABET[Number(bits & 31n)] ?? '0') + code;
    bits >>= 5n;
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/**
 * The code as typed, in the form it was hashed: case, spaces and dashes do not matter, and the letters people
 * confuse with digits read as those digits (O → 0, I and L → 1), as Crockford's base 32 prescribes.
 */
export function normaliseOneTimeCode(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s\-_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** What an organisation admin does to an account of their organisation. */
export type AccountAction = 'disable' | 'enable' | 'leave' | 'return' | 'reset_code' | 'end_sessions';

export type AccountRefusal = 'SELF' | 'ACCOUNT_SHARED';

/**
 * Whether an organisation admin may act on this account. Nobody acts on their own account here (they have their
 * own pages: password, sessions). Disabling a person, and handing out a code that signs in as them, reach every
 * organisation they belong to: an organisation admin does it only to people who belong to theirs alone (a platform
 * admin to anyone). Leaving, returning and ending sessions stay possible for shared people.
 */
export function decideAccountAction(
  actor: Actor,
  target: { readonly personId: string; readonly otherOrganisations: number },
  action: AccountAction,
): AccountRefusal | null {
  if (target.personId === actor.personId) return 'SELF';
  const reachesOtherOrganisations = action === 'disable' || action === 'enable' || action === 'reset_code';
  if (reachesOtherOrganisations && target.otherOrganisations > 0 && !isPlatformAdmin(actor)) return 'ACCOUNT_SHARED';
  return null;
}
