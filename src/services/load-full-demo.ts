import type { DemoDataset } from '../contracts/demo-dataset.js';
import { readCourseList } from '../interchange/courses/read-course-list.js';
import { loadDemoCourses } from './demo-courses.js';
import { DEMO_COLLEGE, loadDemoGroups } from './demo-groups.js';
import { loadDemoPostings } from './demo-postings.js';
import { loadDemoRevision } from './demo-revision.js';
import { loadDemoRoster } from './demo-roster.js';
import { loadDemoDataset } from './demo-service.js';
import type { ServiceContext } from './service-context.js';
import { ensureCuratedCatalogue } from './taxonomy-source-import.js';

/** Where the parts of the full demo come from (the CLI resolves them in the installed package). */
export interface FullDemoSources {
  readonly dataset: DemoDataset;
  /** The curated catalogue folder (`data/catalogue`). */
  readonly catalogueDir: string;
  /** The demo college's existing course list (`data/demo/demo-courses.csv`). */
  readonly courseListFile: string;
  /** Postings to generate and import (0: none). */
  readonly postings: number;
}

/** What a person sees while the demo loads: a line per phase, progress within it, a result line. */
export interface FullDemoReporter {
  phase(text: string): void;
  progress(done: number, total: number, label: string): void;
  done(text: string): void;
}

export interface FullDemoOutcome {
  readonly organisations: number;
  readonly people: number;
  readonly catalogue: { readonly competencies: number; readonly posts: number } | null;
  readonly postings: { readonly stored: number; readonly duplicates: number } | null;
  readonly specialtyGroups: number | null;
  readonly courseSystem: { readonly courses: number; readonly credits: number; readonly courseList: number } | null;
  /** The demo college's roster (students and teachers, classes, departments); null when it was there already. */
  readonly roster: { readonly students: number; readonly teachers: number; readonly classes: number } | null;
}

const SILENT: FullDemoReporter = { phase: () => undefined, progress: () => undefined, done: () => undefined };

/**
 * The whole demo, as `npm start` shows it on a fresh installation and `zerodock demo` loads it: the organisations
 * and people (one transaction: all or nothing; refused when they exist), the curated catalogue, generated
 * postings, the demo college's specialty-group proposal and its course system, course list and draft training
 * plan. The college parts need the demo college; a dataset without it (`zerodock demo --file`) stops after the
 * postings.
 */
export async function loadFullDemo(
  context: ServiceContext,
  sources: FullDemoSources,
  reporter: FullDemoReporter = SILENT,
): Promise<FullDemoOutcome> {
  reporter.phase('Loading the demo organisations and people (演示机构与账号)…');
  const people = await loadDemoDataset(context, sources.dataset, (done, total, label) =>
    reporter.progress(done, total, label),
  );
  reporter.done(`Demo dataset loaded: ${people.organisations} organisations, ${people.people} people.`);

  reporter.phase('Loading the curated competency catalogue (课程能力目录)…');
  const imported = await ensureCuratedCatalogue(context, sources.catalogueDir, ({ phase, done, total }) =>
    reporter.progress(done, total, phase),
  );
  const catalogue = imported ? { competencies: imported.counts.competencies, posts: imported.counts.posts } : null;
  reporter.done(
    imported
      ? `Curated catalogue loaded: ${imported.key}@${imported.label}, ${imported.counts.competencies} competencies, ${imported.counts.posts} posts.`
      : 'Curated catalogue: already loaded.',
  );

  let postings: FullDemoOutcome['postings'] = null;
  if (sources.postings > 0) {
    reporter.phase(`Generating and importing ${sources.postings} demo postings (演示招聘信息)…`);
    const outcome = await loadDemoPostings(context, sources.postings, (phase, done, total) =>
      reporter.progress(done, total, phase),
    );
    postings = { stored: outcome.import.stored, duplicates: outcome.import.duplicates };
    reporter.done(
      `Demo postings loaded: ${postings.stored} generated postings (${postings.duplicates} near-duplicates dropped; generated text, so demand figures on them are illustrative).`,
    );
  }

  if (!(await context.store.repositories.organisations.findByNameZh(DEMO_COLLEGE))) {
    reporter.done(`The dataset has no ${DEMO_COLLEGE}: no demo specialty groups or course system.`);
    return { ...people, catalogue, postings, specialtyGroups: null, courseSystem: null, roster: null };
  }
  reporter.phase('Grouping the demo college’s posts into specialty groups (专业群组建方案)…');
  const groups = await loadDemoGroups(context);
  reporter.done(
    groups
      ? `Demo specialty groups loaded: a submitted proposal with ${groups.groups} groups.`
      : 'Demo specialty groups: already there.',
  );

  reporter.phase('Planning the demo course system, course list and training plan (课程体系与人才培养方案)…');
  const courses = await loadDemoCourses(context, await readCourseList(sources.courseListFile), (done, total, label) =>
    reporter.progress(done, total, label),
  );
  reporter.done(
    courses
      ? `Demo course system loaded: ${courses.courseSystemCourses} courses (${courses.credits} credits), a course list of ${courses.courses} and a draft training plan.`
      : 'Demo course system: not created (one exists, or the demo proposal is missing).',
  );
  // The yearly revision of that group, between the first and the last year of postings (a draft with its proposals).
  const revision = courses ? await loadDemoRevision(context) : null;
  if (revision) {
    reporter.done(
      `Demo yearly revision: ${revision.beforeYear}→${revision.afterYear}, ${revision.changes} significant changes, ${revision.proposals} proposals (draft).`,
    );
  }
  reporter.phase('Importing the demo college’s roster: students, teachers, classes (学生与教师名单)…');
  const roster = await loadDemoRoster(context);
  reporter.done(
    roster
      ? `Demo roster loaded: ${roster.students} students in ${roster.classes} classes, ${roster.teachers} teachers, ${roster.departments} departments.`
      : 'Demo roster: already there.',
  );
  return {
    ...people,
    catalogue,
    postings,
    roster: roster ? { students: roster.students, teachers: roster.teachers, classes: roster.classes } : null,
    specialtyGroups: groups?.groups ?? null,
    courseSystem: courses
      ? { courses: courses.courseSystemCourses, credits: courses.credits, courseList: courses.courses }
      : null,
  };
}
