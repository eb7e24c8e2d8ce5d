import type { OrganisationKind, RosterEntry, RosterKind } from '../../api/contracts.js';

/** The rosters an organisation keeps: a college its students and teachers, an enterprise its engineers. */
export function rosterKindsFor(kind: OrganisationKind | null): readonly RosterKind[] {
  if (kind === 'college') return ['student', 'teacher'];
  if (kind === 'enterprise') return ['engineer'];
  return [];
}

export type RosterStatusTag = 'active' | 'left' | 'disabled' | 'notActivated';

/**
 * The tags of a person on the roster, most telling first: left (or enrolled/employed), disabled, not activated
 * (no password yet: they have never set one with their activation code or signed in through the college).
 */
export function rosterStatusTags(entry: Pick<RosterEntry, 'status' | 'accountDisabled' | 'hasPassword'>) {
  const tags: RosterStatusTag[] = [entry.status === 'left' ? 'left' : 'active'];
  if (entry.accountDisabled) tags.push('disabled');
  if (!entry.hasPassword) tags.push('notActivated');
  return tags;
}

/** Students are enrolled or have left school; staff are employed or have left the organisation. */
export function statusLabelKey(tag: RosterStatusTag, kind: RosterKind): string {
  if (kind !== 'student' && (tag === 'active' || tag === 'left')) return `people.status.${tag}Staff`;
  return `people.status.${tag}`;
}

/** A whole number from a filter in the URL, or undefined. */
export function integerOrUndefined(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  return Number.isInteger(parsed) ? parsed : undefined;
}

/** The tree without one department and everything below it: where that department may move to. */
export function withoutSubtree<Node extends { id: string; children: Node[] }>(
  nodes: readonly Node[],
  removedId: string,
): Node[] {
  return nodes
    .filter((node) => node.id !== removedId)
    .map((node) => ({ ...node, children: withoutSubtree(node.children, removedId) }));
}
