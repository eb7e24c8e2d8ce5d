import { importFailure } from '../../core/errors/import-failure.js';
import type { TaxonomyBundle } from '../../core/taxonomy/taxonomy-bundle.js';
import { validateBundle, type BundleIssue } from '../../core/taxonomy/validate-bundle.js';

/**
 * The last gate of a file importer: `validateBundle`, and `IMPORT_FAILED` for the first issue. The importer checks
 * its rows first (naming the line), so an issue here is rare; it names the file the entity came from, line 0.
 */
export function assertValidBundle(bundle: TaxonomyBundle, fileOf: (issue: BundleIssue) => string): TaxonomyBundle {
  const [issue] = validateBundle(bundle, 1);
  if (issue) {
    throw importFailure(
      { file: fileOf(issue), line: 0, field: `${issue.entity}[${issue.ref}].${issue.field}` },
      issue.reason,
    );
  }
  return bundle;
}
