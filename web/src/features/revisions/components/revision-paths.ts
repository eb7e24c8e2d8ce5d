const segment = encodeURIComponent;

/** The page listing a specialty group's yearly revisions (and starting one). */
export function groupRevisionsPath(groupId: string): string {
  return `/groups/${segment(groupId)}/revisions`;
}

/** One revision's workspace. */
export function revisionPath(revisionId: string): string {
  return `/revisions/${segment(revisionId)}`;
}

/** What a link may carry to name the group before its revisions have loaded (history state, never shown as id). */
export interface GroupRevisionsState {
  groupName?: { zh: string; en: string } | null;
}

/** A course system's page (also a version a revision built, or the one it revised). */
export function courseSystemPath(courseSystemId: string): string {
  return `/course-systems/${segment(courseSystemId)}`;
}
