import { DomainError } from '../errors/domain-error.js';

/**
 * The lifecycle of a framework version, in one place: a draft may change (its content, its header, being
 * released); a released version never changes again — editing means deriving a new draft. Services call these
 * on the version row they have locked inside the writing transaction; the database refuses the same changes by
 * trigger (migration 0008), so a writer that forgets cannot break the rule either.
 */
export interface FrameworkVersionState {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  readonly released: boolean;
  readonly checksum: string;
}

/** Throws VERSION_RELEASED unless the version is a draft. */
export function assertVersionEditable(version: FrameworkVersionState): void {
  if (version.released) {
    throw new DomainError('VERSION_RELEASED', 'A released version is immutable; derive a new draft version to edit', {
      versionId: version.id,
      label: version.label,
    });
  }
}

/** Releasing a draft: what the version row becomes. A released version cannot be released again. */
export function releaseVersion(version: FrameworkVersionState, now: Date): { released: true; releasedAt: Date } {
  assertVersionEditable(version);
  return { released: true, releasedAt: now };
}

/**
 * What importing content under an existing (key, label) does: nothing when the content is the same (imports are
 * idempotent), replace a draft's content in place, or refuse for a released version holding other content.
 */
export function importOver(existing: FrameworkVersionState, checksum: string): 'unchanged' | 'replace' {
  if (existing.checksum === checksum) return 'unchanged';
  if (existing.released) {
    throw new DomainError(
      'VERSION_RELEASED',
      `${existing.key}@${existing.label} is released and holds other content; a released version never changes. ` +
        'Import this as a new version (--label) to compare and adopt it.',
      { key: existing.key, label: existing.label },
    );
  }
  return 'replace';
}
