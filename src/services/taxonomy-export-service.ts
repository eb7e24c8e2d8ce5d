import { bundleToCasePackage } from '../interchange/case/bundle-to-case-package.js';
import { writeTaxonomyWorkbook } from '../interchange/xlsx/write-taxonomy-workbook.js';
import type { ServiceContext } from './service-context.js';
import { requireVersion } from './taxonomy-service.js';

export interface ExportedFile {
  filename: string;
  contentType: string;
  body: Buffer;
}

/** Where exported CASE objects say they live when no public base URI is configured. */
export const DEFAULT_CASE_BASE_URI = 'urn:zerodock:case';

/** One framework version as a CASE 1.0 CFPackage (JSON) or as the editable XLSX workbook. */
export async function exportFrameworkVersion(
  context: ServiceContext,
  versionId: string,
  format: 'case' | 'xlsx',
  options: { baseUri?: string } = {},
): Promise<ExportedFile> {
  const version = await requireVersion(context, versionId);
  const bundle = await context.store.repositories.frameworkVersions.loadBundle(version.id);
  const stem = `${version.key}-${version.label}`.replace(/[^A-Za-z0-9._-]+/g, '_');
  if (format === 'case') {
    const casePackage = bundleToCasePackage(bundle, {
      baseUri: options.baseUri ?? DEFAULT_CASE_BASE_URI,
      now: context.clock(),
    });
    return {
      filename: `${stem}.case.json`,
      contentType: 'application/json; charset=utf-8',
      body: Buffer.from(`${JSON.stringify(casePackage, null, 2)}\n`, 'utf8'),
    };
  }
  return {
    filename: `${stem}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await writeTaxonomyWorkbook(bundle),
  };
}
