import { DomainError } from './domain-error.js';

/** Where in an input file a problem is: 1-based line (0 when the whole file is at fault) and the field. */
export interface ImportLocation {
  file: string;
  line: number;
  field: string;
}

/**
 * The one error every importer throws: `IMPORT_FAILED` with `FILE:LINE:FIELD: reason` as the message and the
 * parts in `details`, so the CLI prints it and the API returns it as is.
 */
export function importFailure(location: ImportLocation, reason: string): DomainError<'IMPORT_FAILED'> {
  const where = `${location.file}:${location.line}:${location.field}`;
  return new DomainError('IMPORT_FAILED', `${where}: ${reason}`, { ...location, reason });
}
