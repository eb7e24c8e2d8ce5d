import type { RosterRow } from '../core/rosters/roster-row.js';
import { validateRoster } from '../core/rosters/validate-roster.js';
import { GENERATED_DEPARTMENTS, generateRoster, rosterCells } from '../interchange/rosters/generate-roster.js';
import { DEMO_COLLEGE } from './demo-groups.js';
import { applyRosterImport, previewRosterImport } from './roster-service.js';
import type { ServiceContext } from './service-context.js';

/** The demo college's two 二级学院, one specialty each: 4 classes of 30 over the 2024 and 2025 cohorts. */
const DEMO_DEPARTMENTS = [
  { ...GENERATED_DEPARTMENTS[0]!, specialties: [GENERATED_DEPARTMENTS[0]!.specialties[0]!] },
  { ...GENERATED_DEPARTMENTS[1]!, specialties: [GENERATED_DEPARTMENTS[1]!.specialties[0]!] },
];
/** Existing demo accounts that appear on the roster: their person gets the 学号/工号 of their row. */
const FEATURED: Readonly<Record<'student' | 'teacher', string>> = {
  student: 'student@demo.zerodock.local',
  teacher: 'teacher@demo.zerodock.local',
};

/**
 * Gives the demo college a small roster through the roster service (as an upload would): 120 students in 4 classes
 * over 2 cohorts and 2 departments, 15 teachers; deterministic. The featured demo student and teacher are the first
 * row of their roster (their accounts get the 学号/工号, so they sign in as before and appear in a class). Returns
 * null (writing nothing) when the college is missing or already has a roster.
 */
export async function loadDemoRoster(
  context: ServiceContext,
): Promise<{ students: number; teachers: number; classes: number; departments: number } | null> {
  const repositories = context.store.repositories;
  const college = await repositories.organisations.findByNameZh(DEMO_COLLEGE);
  if (!college) return null;
  if ((await repositories.rosters.entryKinds(college.id)).size > 0) return null;
  const rosters: Record<'student' | 'teacher', RosterRow[]> = {
    student: generateRoster({
      kind: 'student',
      count: 120,
      seed: 2026,
      cohorts: [2024, 2025],
      classSize: 30,
      departments: DEMO_DEPARTMENTS,
    }),
    teacher: generateRoster({ kind: 'teacher', count: 15, seed: 2026, departments: DEMO_DEPARTMENTS }),
  };
  const operator = { personId: null, email: null };
  for (const kind of ['student', 'teacher'] as const) {
    const person = await repositories.people.findByEmail(FEATURED[kind]);
    const rows = rosters[kind];
    if (person && rows[0]) {
      rows[0] = { ...rows[0], name: person.displayName, email: null };
      await repositories.rosters.setLoginId(person.id, rows[0].externalId);
    }
    const table = rosterCells(kind, rows);
    const validated = validateRoster(
      kind,
      [table.headers, ...table.rows].map((cells, index) => ({ line: index + 1, cells })),
    );
    const preview = await previewRosterImport(context, operator, college.id, kind, {
      ...validated,
      file: `demo-${kind}s.xlsx`,
    });
    await applyRosterImport(context, operator, college.id, preview.id, { markLeft: false });
  }
  return {
    students: rosters.student.length,
    teachers: rosters.teacher.length,
    classes: (await repositories.rosters.listClasses(college.id, { limit: 1, offset: 0 })).total,
    departments: (await repositories.rosters.listDepartments(college.id)).length,
  };
}
