import { describe, expect, it } from 'vitest';
import type { CommitteeRevisionSummary } from '../../api/contracts.js';
import { testTranslator } from '../../i18n/test-translator.js';
import {
  committeeRevisionPath,
  deskRevisionName,
  deskTallyText,
  sortDeskRevisions,
  waitingRevisionCount,
} from './committee-revision-format.js';

function buildDeskRevision(overrides: Partial<CommitteeRevisionSummary> = {}): CommitteeRevisionSummary {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    groupId: '00000000-0000-4000-8000-000000000002',
    groupName: { zh: '数字媒体专业群', en: 'Digital media group' },
    beforeYear: 2026,
    afterYear: 2027,
    status: 'submitted',
    createdAt: '2027-03-01T08:00:00.000Z',
    createdBy: '王主任',
    postings: { before: 120, after: 150 },
    changeCount: 4,
    proposalCount: 3,
    decidedCount: 3,
    organisationId: '00000000-0000-4000-8000-000000000003',
    organisationName: '示范职业技术学院',
    submittedAt: '2027-03-02T08:00:00.000Z',
    tally: { approve: 2, reject: 0, abstain: 1, participating: 3, quorum: 3, outcome: 'pending' },
    ...overrides,
  };
}

describe('the committee desk of revisions', () => {
  it('links to the committee page of a revision, its id escaped', () => {
    expect(committeeRevisionPath('a/b')).toBe('/committee/revisions/a%2Fb');
  });

  it('counts the revisions still before the committee', () => {
    const items = [
      buildDeskRevision(),
      buildDeskRevision({ status: 'approved' }),
      buildDeskRevision({ status: 'submitted' }),
      buildDeskRevision({ status: 'withdrawn' }),
    ];
    expect(waitingRevisionCount(items)).toBe(2);
    expect(waitingRevisionCount([])).toBe(0);
  });

  it('puts the waiting ones first, then the newest submission, undated last', () => {
    const items = [
      buildDeskRevision({ id: 'old-approved', status: 'approved', submittedAt: '2026-01-01T00:00:00.000Z' }),
      buildDeskRevision({ id: 'undated', status: 'rejected', submittedAt: null }),
      buildDeskRevision({ id: 'new-approved', status: 'approved', submittedAt: '2027-01-01T00:00:00.000Z' }),
      buildDeskRevision({ id: 'waiting', status: 'submitted', submittedAt: '2025-01-01T00:00:00.000Z' }),
    ];
    expect(sortDeskRevisions(items).map((item) => item.id)).toEqual([
      'waiting',
      'new-approved',
      'old-approved',
      'undated',
    ]);
    expect(items[0]!.id).toBe('old-approved');
  });

  it('names a revision by its group and years in the UI language, never by id', () => {
    const revision = buildDeskRevision();
    expect(deskRevisionName(testTranslator('zh-CN'), revision, 'zh-CN')).toBe(
      '数字媒体专业群 · 2028 年度动态调整（2026→2027 年招聘需求）',
    );
    expect(deskRevisionName(testTranslator('en'), revision, 'en')).toBe(
      'Digital media group · 2028 yearly revision (2026→2027 demand)',
    );
    const unnamed = buildDeskRevision({ groupName: { zh: '', en: '' } });
    expect(deskRevisionName(testTranslator('zh-CN'), unnamed, 'zh-CN')).not.toContain(unnamed.groupId);
    expect(deskRevisionName(testTranslator('zh-CN'), unnamed, 'zh-CN')).toContain('本专业群');
  });

  it('writes the tally with the participation against the quorum', () => {
    const tally = buildDeskRevision().tally ?? null;
    expect(deskTallyText(testTranslator('zh-CN'), tally)).toBe('赞成 2 · 反对 0 · 弃权 1（已参与 3 / 法定 3）');
    expect(deskTallyText(testTranslator('en'), tally)).toBe(
      '2 for · 0 against · 1 abstaining (3 of a quorum of 3 voted)',
    );
    expect(deskTallyText(testTranslator('en'), null)).toBe('—');
    expect(deskTallyText(testTranslator('en'), undefined)).toBe('—');
  });
});
