import type {
  ApplyRosterImportRequest,
  ClassDetail,
  ClassView,
  CohortView,
  RosterApplyResult,
  RosterEntry,
  RosterImport,
  RosterImportDetail,
  RosterListQuery,
} from '../contracts/rosters.js';
import { hasRoleIn, type Actor } from '../core/access/actor.js';
import { maskEmail, maskPhone } from '../core/access/mask-personal-data.js';
import { PERSONAL_DATA_ROLES, type Role } from '../core/access/roles.js';
import { DomainError } from '../core/errors/domain-error.js';
import { diffRoster, rosterChanges, type StoredRosterEntry } from '../core/rosters/diff-roster.js';
import type { LinedRosterRow, RosterField, RosterKind, RosterProblem } from '../core/rosters/roster-row.js';
import { rosterTemplate } from '../core/rosters/roster-template.js';
import type { ValidatedRoster } from '../core/rosters/validate-roster.js';
import { rosterCells } from '../interchange/rosters/generate-roster.js';
import { writeRosterTable, type RosterTableFormat } from '../interchange/rosters/write-roster-table.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type {
  ClassRecord,
  RosterEntryRecord,
  RosterImportRecord,
  RosterEntryWrite,
} from '../storage/repositories/roster.repository.js';
import type { ServiceContext } from './service-context.js';

/**
 * Rosters (issue 17): a college's students and teachers, an enterprise's engineers, imported from the files their
 * own systems export. An upload is validated whole, compared with the roster (new, changed, left, returning) and
 * stored as a preview; applying it is one transaction, refused when the roster changed since the preview.
 */

/** Who acts (null person: the CLI run by the server's operator). */
export interface RosterActor {
  readonly personId: string | null;
  readonly email: string | null;
}

const ROLE_OF_KIND: Readonly<Record<RosterKind, Role>> = {
  student: 'student',
  teacher: 'teacher',
  engineer: 'enterprise_engineer',
};

/** ROSTER_ID_TAKEN problems listed before giving up. */
const MAX_TAKEN = 50;

/** The organisation, when it keeps this kind of roster: colleges students and teachers, enterprises engineers. */
export async function requireRosterKind(repositories: Repositories, organisationId: string, kind: RosterKind) {
  const organisation = await repositories.organisations.findById(organisationId);
  if (!organisation) {
    throw new DomainError('ORGANISATION_NOT_FOUND', 'No organisation has this id.', { organisationId });
  }
  const allowed: readonly RosterKind[] =
    organisation.kind === 'college' ? ['student', 'teacher'] : organisation.kind === 'enterprise' ? ['engineer'] : [];
  if (!allowed.includes(kind)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      allowed.length === 0
        ? `A ${organisation.kind} keeps no roster (colleges import students and teachers, enterprises engineers).`
        : `A ${organisation.kind} imports ${allowed.join(' and ')} rosters, not ${kind}s.`,
      { field: 'kind' },
    );
  }
  return organisation;
}

async function requireOrganisation(repositories: Repositories, organisationId: string) {
  const organisation = await repositories.organisations.findById(organisationId);
  if (!organisation) {
    throw new DomainError('ORGANISATION_NOT_FOUND', 'No organisation has this id.', { organisationId });
  }
  return organisation;
}

function toStored(entry: RosterEntryRecord): StoredRosterEntry {
  return {
    externalId: entry.externalId,
    name: entry.name,
    gender: entry.gender,
    specialtyCode: entry.specialtyCode,
    specialtyName: entry.specialtyName,
    className: entry.className,
    cohortYear: entry.cohortYear,
    durationYears: entry.durationYears,
    department: entry.department,
    title: entry.title,
    doubleQualified: entry.doubleQualified,
    phone: entry.phone,
    email: entry.email,
    status: entry.status,
  };
}

/**
 * The 学号/工号 of the file that belong to someone the roster may not take: a person of another organisation, or an
 * entry of another kind here (a teacher's 工号 in a student file). Members of this organisation who already hold the
 * number (an account added by hand, now on the roster) are linked, not refused.
 */
async function takenIds(
  repositories: Repositories,
  organisationId: string,
  kind: RosterKind,
  file: string,
  rows: readonly LinedRosterRow[],
): Promise<Map<string, string>> {
  const kinds = await repositories.rosters.entryKinds(organisationId);
  // A number already on this roster is held by its own person: only the others are looked up.
  const holders = await repositories.rosters.loginIdHolders(
    rows.flatMap((row) => (kinds.get(row.externalId.toLowerCase()) === kind ? [] : [row.externalId])),
  );
  const holderOf = new Map(holders.map((holder) => [holder.loginId.toLowerCase(), holder]));
  const problems: (RosterProblem & { file: string })[] = [];
  const linked = new Map<string, string>();
  for (const row of rows) {
    const key = row.externalId.toLowerCase();
    const otherKind = kinds.get(key);
    if (otherKind !== undefined && otherKind !== kind) {
      problems.push({
        file,
        line: row.line,
        field: 'externalId',
        reason: `"${row.externalId}" is already on this organisation's ${otherKind} roster`,
      });
      continue;
    }
    const holder = holderOf.get(key);
    if (!holder) continue;
    if (holder.organisationIds.includes(organisationId)) {
      linked.set(key, holder.personId);
    } else {
      problems.push({
        file,
        line: row.line,
        field: 'externalId',
        reason: `"${row.externalId}" is the sign-in number of a person of another organisation`,
      });
    }
    if (problems.length >= MAX_TAKEN) break;
  }
  if (problems.length > 0) {
    const first = problems[0]!;
    throw new DomainError(
      'ROSTER_ID_TAKEN',
      `${first.file}:${first.line}:${first.field}: ${first.reason}` +
        (problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''),
      { file, line: first.line, field: first.field, reason: first.reason, problems },
    );
  }
  return linked;
}

function toImportDto(record: RosterImportRecord): RosterImport {
  return {
    id: record.id,
    kind: record.kind,
    fileName: record.fileName,
    status: record.status,
    createdAt: record.createdAt,
    createdByName: record.createdByName,
    appliedAt: record.appliedAt,
    rows: record.rows,
    counts: record.counts,
  };
}

/**
 * Previews an upload: compares the (already validated) file with the roster and stores the preview with its rows,
 * its diff and the roster's fingerprint. Refuses a 学号/工号 held elsewhere (`ROSTER_ID_TAKEN`, naming the line).
 */
export async function previewRosterImport(
  context: ServiceContext,
  actor: RosterActor,
  organisationId: string,
  kind: RosterKind,
  roster: ValidatedRoster & { file: string },
): Promise<RosterImport> {
  const { repositories } = context.store;
  await requireRosterKind(repositories, organisationId, kind);
  await takenIds(repositories, organisationId, kind, roster.file, roster.rows);
  const stored = await repositories.rosters.entriesOf(organisationId, kind);
  const diff = diffRoster(stored.map(toStored), roster.rows, roster.fields);
  const names = await repositories.rosters.groupingNames(organisationId);
  const newClasses = new Set(
    roster.rows.flatMap((row) => (row.className !== null && !names.classes.has(row.className) ? [row.className] : [])),
  );
  const newDepartments = new Set(
    roster.rows.flatMap((row) =>
      row.department !== null && !names.departments.has(row.department) ? [row.department] : [],
    ),
  );
  const counts = {
    new: diff.new.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged,
    left: diff.left.length,
    returning: diff.returning.length,
    newClasses: newClasses.size,
    newDepartments: newDepartments.size,
  };
  const now = context.clock();
  const fingerprint = await repositories.rosters.fingerprint(organisationId, kind);
  const importId = await context.store.transaction(async (transaction) => {
    const id = await transaction.rosters.createImport({
      organisationId,
      kind,
      fileName: roster.file,
      createdBy: actor.personId,
      createdAt: now,
      diff: { ...diff, counts, fingerprint },
      fields: roster.fields,
      rows: roster.rows,
    });
    await transaction.auditEvents.record({
      occurredAt: now,
      action: 'roster.previewed',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { importId: id, kind, file: roster.file, rows: roster.rows.length, counts },
    });
    return id;
  });
  return toImportDto((await repositories.rosters.findImport(organisationId, importId))!);
}

async function requireImport(repositories: Repositories, organisationId: string, importId: string) {
  const found = await repositories.rosters.findImport(organisationId, importId);
  if (!found) {
    throw new DomainError('ROSTER_IMPORT_NOT_FOUND', 'No roster import with this id here.', { importId });
  }
  return found;
}

export async function listRosterImports(
  context: ServiceContext,
  organisationId: string,
  page: { limit: number; offset: number },
) {
  const { items, total } = await context.store.repositories.rosters.listImports(organisationId, page);
  return { items: items.map(toImportDto), total, ...page };
}

/** One import and one section of its diff, paged. */
export async function getRosterImport(
  context: ServiceContext,
  organisationId: string,
  importId: string,
  query: { section: 'new' | 'changed' | 'left' | 'returning'; limit: number; offset: number },
): Promise<RosterImportDetail> {
  const { repositories } = context.store;
  const found = await requireImport(repositories, organisationId, importId);
  const page = await repositories.rosters.importSection(importId, query.section, query);
  return {
    import: toImportDto(found),
    section: query.section,
    entries: {
      items: page.items as RosterImportDetail['entries']['items'],
      total: page.total,
      limit: query.limit,
      offset: query.offset,
    },
  };
}

/**
 * Applies a previewed import, all or nothing: creates the departments and classes the file brings, the people of
 * new entries (signing in with their 学号/工号, no password yet; the file's e-mail only when nobody has it), their
 * membership (student, teacher or enterprise engineer), updates the changed entries, brings back the returning ones
 * and — only with `markLeft` — marks as left the people absent from the file. Refused when the roster changed
 * since the preview (`ROSTER_IMPORT_STALE`) or the import was applied or discarded (`ROSTER_IMPORT_CLOSED`).
 */
export async function applyRosterImport(
  context: ServiceContext,
  actor: RosterActor,
  organisationId: string,
  importId: string,
  request: ApplyRosterImportRequest,
): Promise<RosterApplyResult> {
  const now = context.clock();
  const outcome = await context.store.transaction(async (repositories) => {
    await repositories.rosters.lock(organisationId);
    const found = await requireImport(repositories, organisationId, importId);
    if (found.status !== 'previewed') {
      throw new DomainError(
        'ROSTER_IMPORT_CLOSED',
        `This import was ${found.status} already: preview the file again.`,
        {
          importId,
          status: found.status,
        },
      );
    }
    const kind = found.kind;
    if ((await repositories.rosters.fingerprint(organisationId, kind)) !== found.fingerprint) {
      throw new DomainError(
        'ROSTER_IMPORT_STALE',
        'The roster changed since this preview (another import was applied): preview the file again.',
        { importId },
      );
    }
    const { fields, rows } = await repositories.rosters.importRows(importId);
    const linked = await takenIds(repositories, organisationId, kind, found.fileName, rows);
    const stored = new Map(
      (await repositories.rosters.entriesOf(organisationId, kind)).map((entry) => [
        entry.externalId.toLowerCase(),
        entry,
      ]),
    );
    const present = new Set<RosterField>(fields);

    const departments = await repositories.rosters.ensureDepartments(
      organisationId,
      rows.flatMap((row) => (row.department !== null ? [row.department] : [])),
    );
    const classRows = new Map<string, LinedRosterRow>();
    for (const row of rows)
      if (row.className !== null && !classRows.has(row.className)) classRows.set(row.className, row);
    const classes = await repositories.rosters.upsertClasses(
      organisationId,
      [...classRows.values()].map((row) => ({
        name: row.className!,
        specialtyCode: row.specialtyCode ?? '',
        specialtyName: row.specialtyName ?? '',
        cohortYear: row.cohortYear ?? 0,
        durationYears: row.durationYears ?? 0,
        departmentId: row.department !== null ? (departments.ids.get(row.department) ?? null) : null,
      })),
    );

    // New people, each e-mail given once and only when no account has it.
    const fresh = rows.filter(
      (row) => !stored.has(row.externalId.toLowerCase()) && !linked.has(row.externalId.toLowerCase()),
    );
    const taken = await repositories.rosters.emailsTaken(fresh.flatMap((row) => (row.email ? [row.email] : [])));
    const created = await repositories.rosters.createPeople(
      fresh.map((row) => {
        const email = row.email?.toLowerCase() ?? null;
        const free = email !== null && !taken.has(email);
        if (free) taken.add(email);
        return { loginId: row.externalId, displayName: row.name, email: free ? row.email : null };
      }),
    );
    await repositories.rosters.grantRole(
      organisationId,
      [...created.values(), ...[...linked.entries()].filter(([key]) => !stored.has(key)).map(([, id]) => id)],
      ROLE_OF_KIND[kind],
    );

    const writes: RosterEntryWrite[] = [];
    let updated = 0;
    let returned = 0;
    for (const row of rows) {
      const key = row.externalId.toLowerCase();
      const before = stored.get(key);
      if (before) {
        const changes = rosterChanges(toStored(before), row, present);
        if (before.status === 'left') returned++;
        else if (changes.length > 0) updated++;
        else continue;
      }
      const keep = <F extends RosterField>(field: F) =>
        present.has(field) || !before ? row[field] : toStored(before)[field];
      const className = keep('className');
      const department = keep('department');
      writes.push({
        externalId: before?.externalId ?? row.externalId,
        kind,
        personId: before?.personId ?? linked.get(key) ?? created.get(key)!,
        name: row.name,
        gender: keep('gender'),
        classId: className !== null ? (classes.ids.get(className) ?? before?.classId ?? null) : null,
        departmentId: department !== null ? (departments.ids.get(department) ?? null) : null,
        title: keep('title'),
        doubleQualified: keep('doubleQualified'),
        phone: keep('phone'),
        email: keep('email'),
      });
    }
    await repositories.rosters.upsertEntries(organisationId, writes, now);
    await repositories.rosters.renamePeople(
      rows.flatMap((row) => {
        const before = stored.get(row.externalId.toLowerCase());
        return before && before.name !== row.name ? [{ personId: before.personId, displayName: row.name }] : [];
      }),
    );
    const inFile = new Set(rows.map((row) => row.externalId.toLowerCase()));
    const absent = [...stored.values()]
      .filter((entry) => entry.status === 'active' && !inFile.has(entry.externalId.toLowerCase()))
      .map((entry) => entry.externalId);
    const left = request.markLeft ? await repositories.rosters.markLeft(organisationId, kind, absent, now) : 0;
    await repositories.rosters.closeImport(importId, 'applied', now);
    const result = {
      created: writes.length - updated - returned,
      updated,
      left,
      returned,
      newClasses: classes.created,
      newDepartments: departments.created,
    };
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'roster.applied',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { importId, kind, file: found.fileName, markLeft: request.markLeft, ...result },
    });
    return result;
  });
  const record = (await context.store.repositories.rosters.findImport(organisationId, importId))!;
  return {
    import: toImportDto(record),
    created: outcome.created,
    updated: outcome.updated,
    left: outcome.left,
    returned: outcome.returned,
  };
}

/** Discards a previewed import (nothing was written to the roster). */
export async function discardRosterImport(
  context: ServiceContext,
  actor: RosterActor,
  organisationId: string,
  importId: string,
): Promise<void> {
  await context.store.transaction(async (repositories) => {
    const found = await requireImport(repositories, organisationId, importId);
    const now = context.clock();
    if (!(await repositories.rosters.closeImport(importId, 'discarded', now))) {
      throw new DomainError('ROSTER_IMPORT_CLOSED', `This import was ${found.status} already.`, {
        importId,
        status: found.status,
      });
    }
    await repositories.auditEvents.record({
      occurredAt: now,
      action: 'roster.discarded',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId,
      details: { importId, kind: found.kind, file: found.fileName },
    });
  });
}

function seesPersonalData(actor: Actor, organisationId: string): boolean {
  return hasRoleIn(actor, organisationId, PERSONAL_DATA_ROLES);
}

function toEntryDto(entry: RosterEntryRecord, masked: boolean): RosterEntry {
  return {
    personId: entry.personId,
    externalId: entry.externalId,
    kind: entry.kind,
    name: entry.name,
    gender: entry.gender,
    classId: entry.classId,
    className: entry.className,
    specialtyCode: entry.specialtyCode,
    specialtyName: entry.specialtyName,
    cohortYear: entry.cohortYear,
    departmentId: entry.departmentId,
    departmentName: entry.department,
    title: entry.title,
    doubleQualified: entry.doubleQualified,
    phone: masked ? maskPhone(entry.phone) : entry.phone,
    email: masked ? maskEmail(entry.email) : entry.email,
    masked: masked && (entry.phone !== null || entry.email !== null),
    status: entry.status,
    leftAt: entry.leftAt,
    accountDisabled: entry.accountDisabled,
    hasPassword: entry.hasPassword,
  };
}

/** The roster, filtered and paged; phone and e-mail masked unless the actor may see personal data here. */
export async function listRoster(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  query: RosterListQuery,
) {
  await requireOrganisation(context.store.repositories, organisationId);
  const masked = !seesPersonalData(actor, organisationId);
  const { items, total } = await context.store.repositories.rosters.listEntries(organisationId, query);
  return { items: items.map((entry) => toEntryDto(entry, masked)), total, limit: query.limit, offset: query.offset };
}

/** The whole roster of one kind as a file in the template's columns (re-importable), for personal-data roles only. */
export async function exportRoster(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  kind: RosterKind,
  format: RosterTableFormat,
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  const { repositories } = context.store;
  if (!seesPersonalData(actor, organisationId)) {
    throw new DomainError('FORBIDDEN', "Only the organisation's admins export personal data.", {});
  }
  await requireRosterKind(repositories, organisationId, kind);
  const entries = await repositories.rosters.entriesOf(organisationId, kind);
  const table = rosterCells(kind, entries.map(toStored));
  const body = await writeRosterTable(
    [...table.headers, '状态'],
    table.rows.map((cells, index) => [...cells, entries[index]!.status === 'left' ? '离校' : '在籍']),
    format,
  );
  await repositories.auditEvents.record({
    occurredAt: context.clock(),
    action: 'roster.exported',
    actorPersonId: actor.personId,
    actorEmail: actor.email,
    organisationId,
    details: { kind, format, rows: entries.length },
  });
  return {
    body,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
    fileName: `roster-${kind}.${format}`,
  };
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The import template (导入模板) of a kind: headers in Chinese or English and one example row. */
export async function rosterTemplateFile(
  context: ServiceContext,
  organisationId: string,
  kind: RosterKind,
  lang: 'zh-CN' | 'en',
  format: RosterTableFormat,
): Promise<{ body: Buffer; contentType: string; fileName: string }> {
  await requireRosterKind(context.store.repositories, organisationId, kind);
  return rosterTemplateBody(kind, lang, format);
}

export async function rosterTemplateBody(kind: RosterKind, lang: 'zh-CN' | 'en', format: RosterTableFormat) {
  const template = rosterTemplate(kind, lang);
  const body = await writeRosterTable(template.headers, [template.example], format, lang === 'en' ? 'Roster' : '名单');
  return {
    body,
    contentType: format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE,
    fileName: `roster-template-${kind}-${lang}.${format}`,
  };
}

function toClassDto(record: ClassRecord): ClassView {
  return {
    id: record.id,
    name: record.name,
    specialtyCode: record.specialtyCode,
    specialtyName: record.specialtyName,
    cohortYear: record.cohortYear,
    durationYears: record.durationYears,
    graduationYear: record.cohortYear + record.durationYears,
    departmentId: record.departmentId,
    departmentName: record.departmentName,
    students: record.students,
    studentsLeft: record.studentsLeft,
  };
}

export async function listClasses(
  context: ServiceContext,
  organisationId: string,
  query: Parameters<Repositories['rosters']['listClasses']>[1],
) {
  await requireOrganisation(context.store.repositories, organisationId);
  const { items, total } = await context.store.repositories.rosters.listClasses(organisationId, query);
  return { items: items.map(toClassDto), total, limit: query.limit, offset: query.offset };
}

/** A class and its students (active and left), personal data masked as on the roster. */
export async function getClass(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  classId: string,
): Promise<ClassDetail> {
  const { repositories } = context.store;
  const found = await repositories.rosters.findClass(organisationId, classId);
  if (!found) throw new DomainError('CLASS_NOT_FOUND', 'No class with this id here.', { classId });
  const masked = !seesPersonalData(actor, organisationId);
  const students = await repositories.rosters.listEntries(organisationId, { classId, limit: 1000, offset: 0 });
  return { ...toClassDto(found), studentsList: students.items.map((entry) => toEntryDto(entry, masked)) };
}

/** Cohorts (年级) with their classes and students per specialty, newest first. */
export async function listCohorts(context: ServiceContext, organisationId: string): Promise<{ items: CohortView[] }> {
  await requireOrganisation(context.store.repositories, organisationId);
  const rows = await context.store.repositories.rosters.cohorts(organisationId);
  const byYear = new Map<number, CohortView>();
  for (const row of rows) {
    let cohort = byYear.get(row.cohortYear);
    if (!cohort) {
      cohort = { cohortYear: row.cohortYear, classes: 0, students: 0, studentsLeft: 0, specialties: [] };
      byYear.set(row.cohortYear, cohort);
    }
    cohort.classes += row.classes;
    cohort.students += row.students;
    cohort.studentsLeft += row.studentsLeft;
    cohort.specialties.push({
      specialtyCode: row.specialtyCode,
      specialtyName: row.specialtyName,
      classes: row.classes,
      students: row.students,
    });
  }
  return { items: [...byYear.values()] };
}
