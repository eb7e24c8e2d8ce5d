import type { FrameworkVersion, ImportFormat } from '../../api/contracts.js';
import { pickName } from '../../i18n/pick-name.js';

/** The framework the platform is built around; its newest version is shown unless the URL names another. */
export const DEFAULT_FRAMEWORK_KEY = 'zerodock';

/** The Zerodock framework first, then by key; newest first within a framework. */
export function sortVersions(versions: readonly FrameworkVersion[]): FrameworkVersion[] {
  return [...versions].sort((a, b) => {
    if (a.key !== b.key) {
      if (a.key === DEFAULT_FRAMEWORK_KEY) return -1;
      if (b.key === DEFAULT_FRAMEWORK_KEY) return 1;
      return a.key < b.key ? -1 : 1;
    }
    return a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0;
  });
}

/**
 * What a page shows when the URL names no version: the newest RELEASED version of the Zerodock framework (a draft
 * the committee is still editing is not what students and teachers should read), else its newest version.
 */
export function defaultVersion(versions: readonly FrameworkVersion[]): FrameworkVersion | undefined {
  const released = sortVersions(versions).find((version) => version.key === DEFAULT_FRAMEWORK_KEY && version.released);
  return (
    released ??
    versions.find((version) => version.key === DEFAULT_FRAMEWORK_KEY && version.latest) ??
    versions.find((version) => version.latest) ??
    versions[0]
  );
}

/** A version as people know it: the framework's title in the UI language and the version label (never its key). */
export function versionName(
  version: Pick<FrameworkVersion, 'titleZh' | 'titleEn' | 'label'>,
  language: string,
): string {
  return `${pickName(version.titleZh, version.titleEn, language)} ${version.label}`;
}

/** What to compare a version with by default: the version it was derived from, else its predecessor. */
export function previousVersion(
  versions: readonly FrameworkVersion[],
  version: FrameworkVersion,
): FrameworkVersion | undefined {
  if (version.derivedFrom) {
    const parent = versions.find((candidate) => candidate.id === version.derivedFrom);
    if (parent) return parent;
  }
  return sortVersions(versions).find(
    (candidate) => candidate.key === version.key && candidate.createdAt < version.createdAt,
  );
}

/** A label for a new draft: the trailing number counted up until unused (`2026.1` → `2026.2`). */
export function suggestDraftLabel(versions: readonly FrameworkVersion[], from: FrameworkVersion): string {
  const taken = new Set(versions.filter((version) => version.key === from.key).map((version) => version.label));
  const match = /^(.*?)(\d+)$/.exec(from.label);
  if (match) {
    const [, stem = '', number = '0'] = match;
    for (let next = Number(number) + 1; next < Number(number) + 1000; next++) {
      const candidate = `${stem}${next}`;
      if (!taken.has(candidate) && candidate.length <= 40) return candidate;
    }
  }
  const fallback = `${from.label}-draft`.slice(0, 40);
  return taken.has(fallback) ? '' : fallback;
}

/** Whether a version carries reference occupations or specialties (ESCO, O*NET, 大典, the MOE catalogue). */
export function hasReferences(version: FrameworkVersion): boolean {
  return version.counts.occupations > 0 || version.counts.specialties > 0;
}

/** The upload format by file name: `.xlsx` → a workbook, `.json` → a CASE package, anything else none. */
export function importFormatOf(fileName: string): ImportFormat | undefined {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.json')) return 'case';
  return undefined;
}
