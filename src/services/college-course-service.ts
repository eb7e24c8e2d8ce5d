import type { CollegeCourseDto, CoverageReportDto } from '../contracts/course-systems.js';
import type { Actor } from '../core/access/actor.js';
import type { CollegeCourse } from '../core/courses/college-course.js';
import { courseCoverage } from '../core/courses/course-coverage.js';
import { ESSENTIAL_WEIGHT } from '../core/courses/course-system.js';
import { DomainError } from '../core/errors/domain-error.js';
import { linkText } from '../core/linking/link-text.js';
import type { CourseLink } from '../storage/repositories/college-course.repository.js';
import { requireCollege } from './college-specialty-service.js';
import { requireCourseSystem } from './course-system-service.js';
import { CURATED_FRAMEWORK_KEY, loadLinker, type LoadedLinker } from './linker-cache.js';
import type { ServiceContext } from './service-context.js';

/**
 * The college's existing course list: imported whole (all or nothing), each course's name and description
 * linked to the curated competencies by the demand linker, the links confirmed or rejected by teachers, and
 * the coverage of a course system's posts by these courses — gaps, courses to retire, overlaps.
 */

/** Implicit (ranked, not literally mentioned) links below this score are not suggested. */
const IMPLICIT_FLOOR = 0.5;
const TOP_LINKS = 15;

export async function importCourseList(
  context: ServiceContext,
  importedBy: string | null,
  organisationId: string,
  courses: readonly CollegeCourse[],
  file: string,
): Promise<{ file: string; courses: number; suggestedLinks: number; keptDecisions: number }> {
  await requireCollege(context.store.repositories, organisationId);
  const loaded = await loadLinker(context);
  const prefix = `${CURATED_FRAMEWORK_KEY}:`;
  const suggestions: Omit<CourseLink, 'status' | 'decidedBy' | 'decidedAt'>[] = [];
  for (const course of courses) {
    const text = `${course.nameZh}${course.nameEn ? ` ${course.nameEn}` : ''}\n${course.description}`;
    for (const link of linkText(loaded.linker, text, { mode: 'full', top: TOP_LINKS })) {
      const entry = loaded.entries[link.entry]!;
      if (!entry.key.startsWith(prefix)) continue;
      if (link.evidence === 'implicit' && link.score < IMPLICIT_FLOOR) continue;
      suggestions.push({
        courseCode: course.code,
        competencyId: entry.id,
        score: Math.round(link.score * 1000) / 1000,
        evidence: link.evidence,
        spans: link.spans.map(([start, end]) => [start, end]),
      });
    }
  }
  const { kept } = await context.store.transaction((repositories) =>
    repositories.collegeCourses.replaceAll(organisationId, courses, suggestions, importedBy, context.clock()),
  );
  return { file, courses: courses.length, suggestedLinks: suggestions.length, keptDecisions: kept };
}

type Labels = (id: string) => { labelZh: string; labelEn: string };
/** Curated competency labels per loaded linker (rebuilt only when the linker is). */
const labelsByLinker = new WeakMap<LoadedLinker, Labels>();

async function labels(context: ServiceContext): Promise<Labels> {
  const loaded = await loadLinker(context);
  let labelOf = labelsByLinker.get(loaded);
  if (!labelOf) {
    const prefix = `${CURATED_FRAMEWORK_KEY}:`;
    const byId = new Map<string, { labelZh: string; labelEn: string }>();
    for (const entry of loaded.entries) {
      if (!entry.key.startsWith(prefix)) continue;
      byId.set(entry.id, {
        labelZh: entry.labelZh ?? entry.labelEn ?? entry.id,
        labelEn: entry.labelEn ?? entry.labelZh ?? entry.id,
      });
    }
    labelOf = (id) => byId.get(id) ?? { labelZh: id, labelEn: id };
    labelsByLinker.set(loaded, labelOf);
  }
  return labelOf;
}

export async function listCollegeCourses(
  context: ServiceContext,
  organisationId: string,
): Promise<{ items: CollegeCourseDto[] }> {
  const repositories = context.store.repositories;
  await requireCollege(repositories, organisationId);
  const label = await labels(context);
  const courses = await repositories.collegeCourses.list(organisationId);
  return {
    items: courses.map((course) => ({
      code: course.code,
      nameZh: course.nameZh,
      nameEn: course.nameEn,
      credits: course.credits,
      hours: course.hours,
      description: course.description,
      type: course.type,
      sourceFile: course.sourceFile,
      sourceLine: course.sourceLine,
      importedAt: course.importedAt,
      links: course.links.map((link) => ({
        competencyId: link.competencyId,
        ...label(link.competencyId),
        score: link.score,
        evidence: link.evidence,
        spans: link.spans,
        status: link.status,
        decidedAt: link.decidedAt,
      })),
    })),
  };
}

/** A teacher confirms or rejects a link, or links a competency the linker missed (confirmed). */
export async function decideCourseLink(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  code: string,
  competencyId: string,
  status: 'confirmed' | 'rejected',
): Promise<{ items: CollegeCourseDto[] }> {
  const repositories = context.store.repositories;
  await requireCollege(repositories, organisationId);
  if (!(await repositories.collegeCourses.exists(organisationId, code))) {
    throw new DomainError('COURSE_NOT_FOUND', `The course list has no course ${code}.`, { code });
  }
  const loaded = await loadLinker(context);
  if (!loaded.byKey.has(`${CURATED_FRAMEWORK_KEY}:${competencyId}`)) {
    throw new DomainError('COMPETENCY_NOT_FOUND', `No curated competency has the id ${competencyId}.`, {
      competencyId,
    });
  }
  await repositories.collegeCourses.decide(organisationId, code, competencyId, status, actor.personId, context.clock());
  return listCollegeCourses(context, organisationId);
}

export async function courseSystemCoverage(
  context: ServiceContext,
  organisationId: string,
  courseSystemId: string,
  links: 'confirmed' | 'suggested',
): Promise<CoverageReportDto> {
  const repositories = context.store.repositories;
  const record = await requireCourseSystem(repositories, organisationId, courseSystemId);
  const courses = await repositories.collegeCourses.list(organisationId);
  const label = await labels(context);
  const report = courseCoverage(
    record.posts.map((post) => ({ id: post.id, label: post.titleZh, competencies: post.competencies })),
    courses.map((course) => ({
      code: course.code,
      name: course.nameZh,
      credits: course.credits,
      competencies: course.links
        .filter((link) => link.status === 'confirmed' || (links === 'suggested' && link.status === 'suggested'))
        .map((link) => link.competencyId),
    })),
    ESSENTIAL_WEIGHT,
  );
  return {
    links,
    courses: courses.length,
    coverage: report.coverage,
    posts: report.posts.map((post) => ({
      ...post,
      gaps: post.gaps.map((gap) => ({ ...gap, ...label(gap.competency) })),
    })),
    retire: report.retire,
    overlaps: report.overlaps.map((overlap) => ({ ...overlap, ...label(overlap.competency) })),
  };
}
