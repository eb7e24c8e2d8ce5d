import type { LinedRosterRow, RosterField, RosterRow } from './roster-row.js';

/** An entry already in the organisation's roster, as the file's fields describe it. */
export interface StoredRosterEntry extends RosterRow {
  status: 'active' | 'left';
}

export interface RosterFieldChange {
  field: RosterField;
  before: string | null;
  after: string | null;
}

export interface RosterDiffEntry {
  externalId: string;
  name: string;
  /** The file's line; null for the people who left (they are not in the file). */
  line: number | null;
  changes: RosterFieldChange[];
}

export interface RosterDiff {
  /** In the file, not in the roster. */
  new: RosterDiffEntry[];
  /** Active in the roster, in the file with other values (field by field). */
  changed: RosterDiffEntry[];
  unchanged: number;
  /** Active in the roster, absent from the file (marked as left only when the admin confirms). */
  left: RosterDiffEntry[];
  /** Marked as left in the roster, back in the file (with their changes, if any). */
  returning: RosterDiffEntry[];
}

/** The fields compared, in the order the changes list them (the file's columns only: see `validateRoster`). */
const COMPARED: readonly RosterField[] = [
  'name',
  'gender',
  'specialtyCode',
  'specialtyName',
  'className',
  'cohortYear',
  'durationYears',
  'department',
  'title',
  'doubleQualified',
  'phone',
  'email',
];

function show(value: string | number | boolean | null): string | null {
  return value === null ? null : String(value);
}

/** The changes from `stored` to `row`, over the fields the file has. */
export function rosterChanges(
  stored: RosterRow,
  row: RosterRow,
  fields: ReadonlySet<RosterField>,
): RosterFieldChange[] {
  const changes: RosterFieldChange[] = [];
  for (const field of COMPARED) {
    if (!fields.has(field)) continue;
    const before = show(stored[field]);
    const after = show(row[field]);
    if (before !== after) changes.push({ field, before, after });
  }
  return changes;
}

/**
 * The re-import diff, keyed by 学号/工号 (case-insensitive): new, changed (field-level), unchanged, left (active in
 * the roster, absent from the file) and returning (left before, back in the file). Only the fields the file has
 * are compared, so a file without a phone column changes no phone.
 */
export function diffRoster(
  stored: readonly StoredRosterEntry[],
  rows: readonly LinedRosterRow[],
  fields: readonly RosterField[],
): RosterDiff {
  const present = new Set(fields);
  const byId = new Map<string, StoredRosterEntry>();
  for (const entry of stored) byId.set(entry.externalId.toLowerCase(), entry);
  const diff: RosterDiff = { new: [], changed: [], unchanged: 0, left: [], returning: [] };
  const inFile = new Set<string>();
  for (const row of rows) {
    const key = row.externalId.toLowerCase();
    inFile.add(key);
    const entry = byId.get(key);
    if (!entry) {
      diff.new.push({ externalId: row.externalId, name: row.name, line: row.line, changes: [] });
      continue;
    }
    const changes = rosterChanges(entry, row, present);
    const item = { externalId: entry.externalId, name: row.name, line: row.line, changes };
    if (entry.status === 'left') diff.returning.push(item);
    else if (changes.length > 0) diff.changed.push(item);
    else diff.unchanged++;
  }
  for (const entry of stored) {
    if (entry.status === 'active' && !inFile.has(entry.externalId.toLowerCase())) {
      diff.left.push({ externalId: entry.externalId, name: entry.name, line: null, changes: [] });
    }
  }
  return diff;
}
