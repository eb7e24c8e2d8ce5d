import type { TFunction } from 'i18next';
import type { DashboardResponse } from '../../api/contracts.js';
import { groupRevisionsPath, revisionPath } from '../revisions/components/revision-paths.js';

export type RevisionCalendarEntry = NonNullable<DashboardResponse['revisionCalendar']>['items'][number];

/** Where an entry leads: this year's revision, or the group's revisions to start one. */
export function calendarEntryPath(entry: Pick<RevisionCalendarEntry, 'courseSystemId' | 'revisionId'>): string {
  return entry.revisionId ? revisionPath(entry.revisionId) : groupRevisionsPath(entry.courseSystemId);
}

/** "2027 年度动态调整：尚未开始". */
export function calendarEntryLine(t: TFunction, year: number, entry: Pick<RevisionCalendarEntry, 'state'>): string {
  return t('dashboard.revisionCalendar.line', { year, state: t(`dashboard.revisionCalendar.state.${entry.state}`) });
}
