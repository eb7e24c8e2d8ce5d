import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { importFailure } from '../core/errors/import-failure.js';
import type { TaxonomyBundle } from '../core/taxonomy/taxonomy-bundle.js';
import { casePackageToBundle } from '../interchange/case/case-package-to-bundle.js';
import { readCuratedCatalogue } from '../interchange/curated/read-curated-catalogue.js';
import { readEscoRelease } from '../interchange/esco/read-esco-release.js';
import type { ImportProgress } from '../interchange/import-progress.js';
import { readCnOccupations } from '../interchange/occupations-cn/read-cn-occupations.js';
import { readOnetRelease } from '../interchange/onet/read-onet-release.js';
import { readSpecialtyCatalogue } from '../interchange/specialties/read-specialty-catalogue.js';
import { readTaxonomyWorkbook } from '../interchange/xlsx/read-taxonomy-workbook.js';
import type { ServiceContext } from './service-context.js';
import { importTaxonomyBundle, type TaxonomyImportResult } from './taxonomy-import-service.js';

export const TAXONOMY_SOURCES = ['esco', 'onet', 'specialties', 'occupations-cn', 'case', 'xlsx', 'catalogue'] as const;
export type TaxonomySourceKind = (typeof TAXONOMY_SOURCES)[number];

export interface SourceImportOptions {
  /** Version label (`--label`); each reader has its own default. */
  label?: string | undefined;
  /** Framework key for CASE and XLSX imports (`--key`). */
  key?: string | undefined;
  actorId?: string | null;
  onProgress?: ImportProgress;
}

async function readFileOrFail(path: string, file = basename(path)): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw importFailure(
      { file, line: 0, field: '(file)' },
      `cannot read the file (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
}

/** Reads a source of one of the supported kinds into a bundle (no database yet). */
export async function readTaxonomySource(
  kind: TaxonomySourceKind,
  path: string,
  options: SourceImportOptions = {},
): Promise<TaxonomyBundle> {
  const label = options.label;
  const onProgress = options.onProgress;
  switch (kind) {
    case 'esco':
      return readEscoRelease(path, { ...(label ? { label } : {}), ...(onProgress ? { onProgress } : {}) });
    case 'onet':
      return readOnetRelease(path, { ...(label ? { label } : {}), ...(onProgress ? { onProgress } : {}) });
    case 'specialties':
      return readSpecialtyCatalogue(path, { ...(label ? { label } : {}) });
    case 'occupations-cn':
      return readCnOccupations(path, { ...(label ? { label } : {}) });
    case 'case': {
      const text = (await readFileOrFail(path)).toString('utf8');
      return casePackageToBundle(text, basename(path), {
        ...(label ? { label } : {}),
        ...(options.key ? { key: options.key } : {}),
      });
    }
    case 'xlsx': {
      const bundle = await readTaxonomyWorkbook(path, basename(path));
      if (label) bundle.framework.label = label;
      if (options.key) bundle.framework.key = options.key;
      return bundle;
    }
    case 'catalogue': {
      const { bundle } = await readCuratedCatalogue(path);
      if (label) bundle.framework.label = label;
      return bundle;
    }
  }
}

/** Reads a source and saves it as a framework version, all-or-nothing. */
export async function importTaxonomySource(
  context: ServiceContext,
  kind: TaxonomySourceKind,
  path: string,
  options: SourceImportOptions = {},
): Promise<TaxonomyImportResult> {
  const bundle = await readTaxonomySource(kind, path, options);
  const progress = options.onProgress;
  return importTaxonomyBundle(context, bundle, {
    actorId: options.actorId ?? null,
    sourceName: basename(path),
    ...(progress
      ? {
          progress: (table: string, done: number, total: number) =>
            progress({ phase: `writing ${table}`, done, total }),
        }
      : {}),
  });
}

/**
 * An XLSX workbook or CASE package uploaded through the API (the file it was streamed to): always a draft
 * version, for the committee to review (diff it against the release, then release it). Any problem is
 * IMPORT_FAILED naming the file, line and field.
 */
export async function importUploadedTaxonomy(
  context: ServiceContext,
  actorId: string,
  format: 'xlsx' | 'case',
  path: string,
  options: { fileName?: string | undefined; key?: string | undefined; label?: string | undefined },
): Promise<TaxonomyImportResult> {
  const fileName = basename(options.fileName ?? `upload.${format === 'case' ? 'json' : 'xlsx'}`);
  const bundle =
    format === 'case'
      ? casePackageToBundle((await readFileOrFail(path, fileName)).toString('utf8'), fileName, {
          ...(options.label ? { label: options.label } : {}),
          ...(options.key ? { key: options.key } : {}),
        })
      : await readTaxonomyWorkbook(path, fileName);
  if (format === 'xlsx') {
    if (options.label) bundle.framework.label = options.label;
    if (options.key) bundle.framework.key = options.key;
  }
  return importTaxonomyBundle(context, bundle, { actorId, sourceName: fileName, released: false });
}

/**
 * Loads the bundled curated catalogue when its version is not in the database yet: on the first start, and after
 * an upgrade that ships a new catalogue label (which then becomes the newest version, with id history carried).
 */
export async function ensureCuratedCatalogue(
  context: ServiceContext,
  dir: string,
  onProgress?: ImportProgress,
): Promise<TaxonomyImportResult | null> {
  const { bundle } = await readCuratedCatalogue(dir);
  if (await context.store.repositories.frameworkVersions.find(bundle.framework.key, bundle.framework.label))
    return null;
  return importTaxonomyBundle(context, bundle, {
    sourceName: 'data/catalogue',
    ...(onProgress
      ? {
          progress: (table: string, done: number, total: number) =>
            onProgress({ phase: `writing ${table}`, done, total }),
        }
      : {}),
  });
}
