import { basename } from 'node:path';
import { DomainError } from '../../core/errors/domain-error.js';
import { importFailure } from '../../core/errors/import-failure.js';
import type { RosterKind } from '../../core/rosters/roster-row.js';
import { validateRoster, type RosterTableRow, type ValidatedRoster } from '../../core/rosters/validate-roster.js';
import { readTable } from '../tabular/read-table.js';
import { SMALL_TABLE_LIMITS, type TableFail, type TableLimits } from '../tabular/table-limits.js';

const MiB = 1024 * 1024;
/** The largest roster a college brings at once (20,000 students and some margin). */
export const MAX_ROSTER_ROWS = 100_000;
export const MAX_ROSTER_BYTES = 32 * MiB;

export const ROSTER_LIMITS: TableLimits = {
  ...SMALL_TABLE_LIMITS,
  maxFileBytes: MAX_ROSTER_BYTES,
  maxRows: MAX_ROSTER_ROWS + 1,
  maxColumns: 64,
};

export interface ReadRosterOptions {
  /** The name messages use (the upload's name; default the path's base name). */
  readonly file?: string;
  /** Called as the file is read: bytes read so far. */
  readonly onProgress?: (bytesRead: number) => void;
}

/**
 * Reads a roster file (`.xlsx` first worksheet, or `.csv` UTF-8/GB18030) through the shared tabular reader and
 * validates it for `kind`. A file the reader cannot read (not a workbook, too large, too many rows, a broken quote)
 * is `IMPORT_FAILED`; a file it reads whose rows are wrong is `ROSTER_FILE_INVALID`, with every problem found (up
 * to a cap) in `details.problems`, each `FILE:LINE:FIELD`. Nothing is returned unless the whole file is valid.
 */
export async function readRosterFile(
  path: string,
  kind: RosterKind,
  options: ReadRosterOptions = {},
): Promise<ValidatedRoster & { file: string }> {
  const file = options.file ?? basename(path);
  const fail: TableFail = (line, field, reason) => importFailure({ file, line, field }, reason);
  const table: RosterTableRow[] = [];
  for await (const chunk of readTable(path, { fail, limits: ROSTER_LIMITS })) {
    for (const row of chunk.rows) table.push(row);
    options.onProgress?.(chunk.bytesRead);
  }
  const result = validateRoster(kind, table);
  if (result.problems.length > 0) throw rosterFileInvalid(file, result);
  return { ...result, file };
}

export function rosterFileInvalid(file: string, result: ValidatedRoster): DomainError<'ROSTER_FILE_INVALID'> {
  const first = result.problems[0]!;
  const more = result.problems.length - 1;
  const problems = result.problems.map((problem) => ({ file, ...problem }));
  return new DomainError(
    'ROSTER_FILE_INVALID',
    `${file}:${first.line}:${first.field}: ${first.reason}` +
      (more > 0 ? ` (and ${more}${result.truncated ? '+' : ''} more problems)` : ''),
    { file, line: first.line, field: first.field, reason: first.reason, problems, truncated: result.truncated },
  );
}
