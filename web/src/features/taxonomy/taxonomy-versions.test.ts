import { describe, expect, it } from 'vitest';
import type { FrameworkVersion } from '../../api/contracts.js';
import {
  defaultVersion,
  hasReferences,
  importFormatOf,
  previousVersion,
  sortVersions,
  suggestDraftLabel,
  versionName,
} from './taxonomy-versions.js';

function buildVersion(overrides: Partial<FrameworkVersion> & Pick<FrameworkVersion, 'id'>): FrameworkVersion {
  return {
    key: 'zerodock',
    label: '2026.1',
    titleZh: '能力框架',
    titleEn: 'Framework',
    source: 'zerodock',
    releaseNotes: '',
    released: false,
    releasedAt: null,
    derivedFrom: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    latest: false,
    counts: {
      competencies: 0,
      competencyGroups: 0,
      relations: 0,
      occupations: 0,
      occupationCompetencyLinks: 0,
      posts: 0,
      postRequirements: 0,
      specialties: 0,
    },
    ...overrides,
  } as FrameworkVersion;
}

const released = buildVersion({ id: 'r1', label: '2026.1', released: true, createdAt: '2026-01-01T00:00:00.000Z' });
const draft = buildVersion({ id: 'd1', label: '2026.2', latest: true, createdAt: '2026-03-01T00:00:00.000Z' });
const esco = buildVersion({
  id: 'e1',
  key: 'esco',
  label: 'v1.2',
  latest: true,
  createdAt: '2026-02-01T00:00:00.000Z',
});

describe('framework versions', () => {
  it('sorts the Zerodock framework first, then by key, newest first within a key', () => {
    const college = buildVersion({ id: 'c1', key: 'college-edit', label: 'v1' });
    expect(sortVersions([esco, released, college, draft]).map((version) => version.id)).toEqual([
      'd1',
      'r1',
      'c1',
      'e1',
    ]);
  });

  it('shows the newest released Zerodock version by default, not the draft being edited', () => {
    expect(defaultVersion([draft, released, esco])?.id).toBe('r1');
    expect(defaultVersion([draft, esco])?.id).toBe('d1');
    expect(defaultVersion([esco])?.id).toBe('e1');
    expect(defaultVersion([])).toBeUndefined();
  });

  it('names a version by its title in the page’s language and its label, never by key', () => {
    expect(versionName(esco, 'zh-CN')).toBe('能力框架 v1.2');
    expect(versionName(esco, 'en')).toBe('Framework v1.2');
  });

  it('compares a version with the one it was derived from, else its predecessor of the same key', () => {
    const derived = buildVersion({
      id: 'x',
      label: '2026.3',
      derivedFrom: 'r1',
      createdAt: '2026-04-01T00:00:00.000Z',
    });
    expect(previousVersion([released, draft, derived], derived)?.id).toBe('r1');
    expect(previousVersion([released, draft, esco], draft)?.id).toBe('r1');
    expect(previousVersion([released, esco], released)).toBeUndefined();
  });

  it('suggests the next free label for a draft', () => {
    expect(suggestDraftLabel([released, draft], released)).toBe('2026.3');
    expect(suggestDraftLabel([esco], esco)).toBe('v1.3');
    const named = buildVersion({ id: 'n', label: 'spring' });
    expect(suggestDraftLabel([named], named)).toBe('spring-draft');
    expect(suggestDraftLabel([named, buildVersion({ id: 'm', label: 'spring-draft' })], named)).toBe('');
  });

  it('knows which versions carry reference occupations or specialties', () => {
    expect(hasReferences(released)).toBe(false);
    expect(hasReferences(buildVersion({ id: 'o', counts: { ...released.counts, specialties: 3 } }))).toBe(true);
  });

  it('picks the upload format by file name', () => {
    expect(importFormatOf('Zerodock.XLSX')).toBe('xlsx');
    expect(importFormatOf('case-package.json')).toBe('case');
    expect(importFormatOf('postings.csv')).toBeUndefined();
  });
});
