/**
 * The revision calendar of a college's dashboard: for each current course system (the newest version of its
 * lineage), where this year's yearly revision stands. A revision belongs to the year of its later period
 * (`afterYear`, the "2026 年度动态调整"); a version a revision built carries its lineage's revision with it.
 */

export type RevisionCalendarState = 'none' | 'draft' | 'submitted' | 'approved' | 'rejected' | 'applied';

export interface CalendarCourseSystem {
  readonly id: string;
  readonly titleZh: string;
  readonly titleEn: string;
  /** The version this one revised (null: built from a proposal). */
  readonly previousId: string | null;
}

export interface CalendarRevision {
  readonly id: string;
  readonly courseSystemId: string;
  readonly afterYear: number;
  readonly status: 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
  readonly createdAt: string;
  /** The version applying it built (null: not applied). */
  readonly resultCourseSystemId: string | null;
}

export interface RevisionCalendarEntry {
  readonly courseSystemId: string;
  readonly titleZh: string;
  readonly titleEn: string;
  readonly state: RevisionCalendarState;
  /** This year's revision (null: none yet, or only withdrawn ones). */
  readonly revisionId: string | null;
}

/**
 * This year's revision of each current course system, in the order given. Withdrawn revisions do not count (the
 * group starts another); of several, the newest counts.
 */
export function revisionCalendar(
  year: number,
  courseSystems: readonly CalendarCourseSystem[],
  revisions: readonly CalendarRevision[],
): RevisionCalendarEntry[] {
  const superseded = new Set(courseSystems.flatMap((system) => (system.previousId ? [system.previousId] : [])));
  const byId = new Map(courseSystems.map((system) => [system.id, system]));
  return courseSystems
    .filter((system) => !superseded.has(system.id))
    .map((system) => {
      const lineage = new Set<string>();
      for (let at: CalendarCourseSystem | undefined = system; at && !lineage.has(at.id);) {
        lineage.add(at.id);
        at = at.previousId ? byId.get(at.previousId) : undefined;
      }
      const newest = revisions
        .filter(
          (revision) =>
            lineage.has(revision.courseSystemId) && revision.afterYear === year && revision.status !== 'withdrawn',
        )
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
      return {
        courseSystemId: system.id,
        titleZh: system.titleZh,
        titleEn: system.titleEn,
        state: newest ? calendarState(newest) : 'none',
        revisionId: newest?.id ?? null,
      };
    });
}

function calendarState(revision: CalendarRevision): RevisionCalendarState {
  if (revision.resultCourseSystemId !== null) return 'applied';
  if (revision.status === 'withdrawn') return 'none';
  return revision.status;
}
