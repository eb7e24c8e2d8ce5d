import { isPlatformAdmin, type Actor } from '../access/actor.js';

/**
 * Which steering committees' matters `actor` may read: a platform admin every committee's ('all'); anyone else the
 * committees where they hold a seat. A member of one committee does not read what was put before another.
 */
export function committeesVisibleTo(actor: Actor): 'all' | ReadonlySet<string> {
  if (isPlatformAdmin(actor)) return 'all';
  return new Set(
    actor.memberships
      .filter((membership) => membership.roles.includes('committee_member'))
      .map((membership) => membership.organisationId),
  );
}

/** True when a matter put before `committeeId` is readable by `actor`. */
export function mayReadCommitteeMatter(actor: Actor, committeeId: string | null): boolean {
  const visible = committeesVisibleTo(actor);
  return visible === 'all' || (committeeId !== null && visible.has(committeeId));
}
