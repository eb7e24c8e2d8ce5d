import { DomainError } from '../errors/domain-error.js';

/**
 * The voting rules of a steering committee (专业建设指导委员会), stored per committee organisation and changed by
 * its chair (a platform admin appoints the committee; see the routes). Pure data and checks: no I/O.
 */

/** How many of the votes cast must approve (abstentions count towards the quorum, never towards a majority). */
export const MAJORITY_RULES = ['simple', 'two_thirds'] as const;
export type MajorityRule = (typeof MAJORITY_RULES)[number];

export interface CommitteeRules {
  /** Members who must take part (approve, reject or abstain) before anything is decided; null: half the seats + 1. */
  readonly quorum: number | null;
  readonly majority: MajorityRule;
}

export const DEFAULT_COMMITTEE_RULES: CommitteeRules = { quorum: null, majority: 'simple' };

/** One member can never decide alone: a quorum is at least two, whatever is stored or the committee's size. */
export const MINIMUM_QUORUM = 2;

/** The quorum that holds for a committee of `seats` members: the stored one, or half the seats + 1 (at least 2). */
export function effectiveQuorum(rules: CommitteeRules, seats: number): number {
  const quorum = rules.quorum ?? Math.floor(seats / 2) + 1;
  return Math.max(MINIMUM_QUORUM, quorum);
}

/**
 * Checks new rules for a committee of `seats` members; VALIDATION_FAILED naming the field otherwise. A quorum
 * below two (one member deciding alone) or above the seats (nothing could ever be decided) is refused.
 */
export function validateCommitteeRules(rules: CommitteeRules, seats: number): CommitteeRules {
  if (rules.quorum !== null) {
    if (!Number.isInteger(rules.quorum) || rules.quorum < MINIMUM_QUORUM) {
      throw new DomainError('VALIDATION_FAILED', `quorum must be a whole number of at least ${MINIMUM_QUORUM}`, {
        field: 'quorum',
      });
    }
    if (rules.quorum > seats) {
      throw new DomainError('VALIDATION_FAILED', `quorum ${rules.quorum} exceeds the committee’s ${seats} seats`, {
        field: 'quorum',
      });
    }
  }
  if (!MAJORITY_RULES.includes(rules.majority)) {
    throw new DomainError('VALIDATION_FAILED', 'majority must be simple or two_thirds', { field: 'majority' });
  }
  return rules;
}
