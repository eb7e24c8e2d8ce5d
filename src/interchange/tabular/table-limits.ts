import type { DomainError } from '../../core/errors/domain-error.js';
import type { ZipLimits } from '../zip/bounded-zip.js';

/** Builds the `IMPORT_FAILED` for `FILE:LINE:FIELD` (line 0 and field `(file)` when the whole file is at fault). */
export type TableFail = (line: number, field: string, reason: string) => DomainError<'IMPORT_FAILED'>;

/** One row of a table: CSV record or worksheet row, as the text a person sees in each cell. */
export interface TableRow {
  /** 1-based line (CSV: where the record starts; XLSX: the row number). */
  readonly line: number;
  readonly cells: readonly string[];
  /** XLSX only: the columns (0-based) whose cell holds a plain number, e.g. a date typed as a serial day. */
  readonly numeric?: ReadonlySet<number>;
}

/** Rows as they are read, with how far into the file the reading is (for a progress bar). */
export interface TableChunk {
  readonly rows: readonly TableRow[];
  readonly bytesRead: number;
}

/**
 * What one tabular file may hold. Every limit is checked while reading, before the data it bounds is kept, and a
 * violation is an `IMPORT_FAILED` naming `FILE:LINE:FIELD`.
 */
export interface TableLimits {
  /** Size of the file on disk. */
  readonly maxFileBytes: number;
  /** Rows with content, the header included. */
  readonly maxRows: number;
  /** Columns a row may fill. */
  readonly maxColumns: number;
  /** Characters in one cell. */
  readonly maxCellCharacters: number;
  /** XLSX: the ZIP archive, checked from its central directory before anything is inflated. */
  readonly zip: ZipLimits;
  /** XLSX: expanded bytes of the shared strings (kept in memory while a worksheet is read). */
  readonly maxSharedStringsBytes: number;
}

const MiB = 1024 * 1024;

/** Excel's own limit for the text of one cell. */
export const EXCEL_MAX_CELL_CHARACTERS = 32_767;

/** Small uploads read whole (course lists, demand declarations): thousands of rows at most. */
export const SMALL_TABLE_LIMITS: TableLimits = {
  maxFileBytes: 32 * MiB,
  maxRows: 200_000,
  maxColumns: 256,
  maxCellCharacters: EXCEL_MAX_CELL_CHARACTERS,
  zip: { maxEntries: 1000, maxEntryBytes: 256 * MiB, maxTotalBytes: 512 * MiB, maxRatio: 200 },
  maxSharedStringsBytes: 64 * MiB,
};

/** A taxonomy workbook: several sheets, read whole into a framework version (ESCO-sized at most). */
export const WORKBOOK_LIMITS: TableLimits = {
  maxFileBytes: 256 * MiB,
  maxRows: 1_000_000,
  maxColumns: 256,
  maxCellCharacters: EXCEL_MAX_CELL_CHARACTERS,
  zip: { maxEntries: 1000, maxEntryBytes: 1024 * MiB, maxTotalBytes: 2048 * MiB, maxRatio: 200 },
  maxSharedStringsBytes: 256 * MiB,
};
