import { createHash } from 'node:crypto';
import { importFailure } from '../core/errors/import-failure.js';
import { carryIdHistory } from '../core/taxonomy/diff-bundles.js';
import { importOver } from '../core/taxonomy/framework-lifecycle.js';
import {
  DEFAULT_PROFICIENCY_LEVELS,
  emptyBundle,
  type FrameworkSource,
  type TaxonomyBundle,
} from '../core/taxonomy/taxonomy-bundle.js';
import { validateBundle } from '../core/taxonomy/validate-bundle.js';
import type { BulkProgress, VersionCounts } from '../storage/repositories/framework-version.repository.js';
import type { ServiceContext } from './service-context.js';

export interface TaxonomyImportResult {
  versionId: string;
  key: string;
  label: string;
  /** created: a new version; replaced: same key and label, new content; unchanged: same content, nothing written. */
  status: 'created' | 'replaced' | 'unchanged';
  released: boolean;
  /** Competencies whose earlier id was recorded in `previousIds` (id history across re-imports). */
  carriedIds: number;
  counts: VersionCounts;
}

/** Official releases and the shipped catalogue are released on import; hand-edited files arrive as drafts. */
const RELEASED_ON_IMPORT: Readonly<Record<FrameworkSource, boolean>> = {
  curated: true,
  esco: true,
  onet: true,
  'moe-catalogue': true,
  'cn-occupations': true,
  case: false,
  xlsx: false,
};

/** A stable digest of a bundle's content (the header's titles and notes included, the label not). */
export function bundleChecksum(bundle: TaxonomyBundle): string {
  const hash = createHash('sha256');
  const { label: _label, ...header } = bundle.framework;
  hash.update(JSON.stringify(header));
  for (const part of [
    bundle.levels,
    bundle.competencies,
    bundle.relations,
    bundle.occupations,
    bundle.occupationLinks,
    bundle.posts,
    bundle.requirements,
    bundle.specialties,
  ]) {
    hash.update('\u0000');
    for (const item of part) hash.update(JSON.stringify(item));
  }
  return hash.digest('hex');
}

/**
 * Saves a bundle as a framework version, all-or-nothing (one transaction): a new (key, label) creates a
 * version; the same (key, label) with the same content changes nothing (idempotent); with other content a draft
 * is replaced in place and a released version refuses (VERSION_RELEASED: released versions never change). A new
 * version inherits id history from the newest earlier version of the same key. A bundle of competencies without a
 * proficiency scale gets the default 1–5 scale.
 */
export async function importTaxonomyBundle(
  context: ServiceContext,
  bundle: TaxonomyBundle,
  options: { actorId?: string | null; progress?: BulkProgress; sourceName?: string; released?: boolean } = {},
): Promise<TaxonomyImportResult> {
  const issues = validateBundle(bundle);
  if (issues.length > 0) {
    const issue = issues[0]!;
    throw importFailure(
      {
        file: options.sourceName ?? bundle.framework.source,
        line: 0,
        field: `${issue.entity}[${issue.ref}].${issue.field}`,
      },
      issue.reason,
    );
  }
  if (bundle.levels.length === 0 && bundle.competencies.length > 0)
    bundle.levels = DEFAULT_PROFICIENCY_LEVELS.map((level) => ({ ...level }));
  const released = options.released ?? RELEASED_ON_IMPORT[bundle.framework.source];
  return context.store.transaction(async (repositories) => {
    const versions = repositories.frameworkVersions;
    const now = context.clock();
    const found = await versions.find(bundle.framework.key, bundle.framework.label);
    // Lock-then-check: a concurrent edit or release of the same version waits for this import, or this for it.
    const existing = found ? await versions.lock(found.id) : null;
    let carriedIds = 0;
    if (!existing) {
      const previous = (await versions.latestPerKey()).find((version) => version.key === bundle.framework.key);
      if (previous) {
        const earlier = emptyBundle(bundle.framework);
        earlier.competencies = await repositories.taxonomy.competencyRecords(previous.id);
        carriedIds = carryIdHistory(earlier, bundle);
      }
    }
    const checksum = bundleChecksum(bundle);
    if (existing && importOver(existing, checksum) === 'unchanged') {
      return {
        versionId: existing.id,
        key: existing.key,
        label: existing.label,
        status: 'unchanged',
        released: existing.released,
        carriedIds: 0,
        counts: await versions.counts(existing.id),
      };
    }
    let versionId: string;
    if (existing) {
      versionId = existing.id;
      await versions.clearContent(versionId);
      await versions.updateHeader(versionId, bundle.framework, checksum, now);
    } else {
      // Created as a draft and released once filled: the database refuses rows added to a released version.
      versionId = await versions.create(bundle.framework, {
        checksum,
        createdBy: options.actorId ?? null,
        derivedFrom: null,
        released: false,
        now,
      });
    }
    await versions.insertContent(versionId, bundle, options.progress);
    if (!existing && released) await versions.markReleased(versionId, now);
    return {
      versionId,
      key: bundle.framework.key,
      label: bundle.framework.label,
      status: existing ? 'replaced' : 'created',
      released: existing ? existing.released : released,
      carriedIds,
      counts: await versions.counts(versionId),
    };
  });
}
