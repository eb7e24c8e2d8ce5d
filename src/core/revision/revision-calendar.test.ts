import { describe, expect, it } from 'vitest';
import { revisionCalendar, type CalendarCourseSystem, type CalendarRevision } from './revision-calendar.js';

function buildSystem(overrides: Partial<CalendarCourseSystem> = {}): CalendarCourseSystem {
  return {
    id: 'cs-1',
    titleZh: '软件技术专业群 课程体系',
    titleEn: 'Software group course system',
    previousId: null,
    ...overrides,
  };
}

function buildRevision(overrides: Partial<CalendarRevision> = {}): CalendarRevision {
  return {
    id: 'rev-1',
    courseSystemId: 'cs-1',
    afterYear: 2027,
    status: 'draft',
    createdAt: '2027-03-01T00:00:00.000Z',
    resultCourseSystemId: null,
    ...overrides,
  };
}

describe('revisionCalendar', () => {
  it('says none yet for a course system without a revision this year', () => {
    const calendar = revisionCalendar(2027, [buildSystem()], [buildRevision({ afterYear: 2026, status: 'approved' })]);
    expect(calendar).toEqual([
      {
        courseSystemId: 'cs-1',
        titleZh: '软件技术专业群 课程体系',
        titleEn: 'Software group course system',
        state: 'none',
        revisionId: null,
      },
    ]);
  });

  it('takes the newest revision of the year that was not withdrawn', () => {
    const calendar = revisionCalendar(
      2027,
      [buildSystem()],
      [
        buildRevision({ id: 'withdrawn', status: 'withdrawn', createdAt: '2027-05-01T00:00:00.000Z' }),
        buildRevision({ id: 'older', status: 'rejected', createdAt: '2027-02-01T00:00:00.000Z' }),
        buildRevision({ id: 'newer', status: 'submitted', createdAt: '2027-04-01T00:00:00.000Z' }),
      ],
    );
    expect(calendar.map((entry) => [entry.state, entry.revisionId])).toEqual([['submitted', 'newer']]);
    expect(
      revisionCalendar(2027, [buildSystem()], [buildRevision({ status: 'withdrawn' })]).map((entry) => entry.state),
    ).toEqual(['none']);
  });

  it('shows the applied revision on the version it built, and lists only the newest version of a lineage', () => {
    const calendar = revisionCalendar(
      2027,
      [buildSystem({ id: 'cs-2', previousId: 'cs-1' }), buildSystem(), buildSystem({ id: 'other', titleZh: '其他' })],
      [
        buildRevision({ status: 'approved', resultCourseSystemId: 'cs-2' }),
        buildRevision({ id: 'rev-other', courseSystemId: 'other', status: 'approved' }),
      ],
    );
    expect(calendar.map((entry) => [entry.courseSystemId, entry.state, entry.revisionId])).toEqual([
      ['cs-2', 'applied', 'rev-1'],
      ['other', 'approved', 'rev-other'],
    ]);
  });

  it('does not loop on a malformed lineage', () => {
    const calendar = revisionCalendar(
      2027,
      [buildSystem({ id: 'a', previousId: 'b' }), buildSystem({ id: 'b', previousId: 'a' })],
      [],
    );
    expect(calendar).toEqual([]);
  });
});
