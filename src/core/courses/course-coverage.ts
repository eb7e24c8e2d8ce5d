/**
 * How a college's existing courses (each linked to competencies, by the linker and confirmed by teachers)
 * cover what a group's posts require: per post, the essential requirements no course teaches (gaps); courses
 * that teach nothing any post of the group needs (candidates to retire); competencies taught by several
 * courses (overlaps). Pure: the caller decides which links count (confirmed ones, or suggested ones too).
 */

export interface CoverageCourse {
  code: string;
  name: string;
  credits: number;
  competencies: readonly string[];
}

export interface CoveragePost {
  id: string;
  label: string;
  competencies: readonly { id: string; weight: number }[];
}

export interface PostCoverage {
  post: string;
  label: string;
  essential: number;
  covered: number;
  /** Essential competencies (weight ≥ threshold) no course teaches, heaviest first. */
  gaps: { competency: string; weight: number }[];
  /** Courses that teach at least one of the post's competencies, most first. */
  courses: { code: string; teaches: number }[];
}

export interface CoverageReport {
  posts: PostCoverage[];
  /** Share of the posts' essential (post, competency) pairs some course teaches; 1 when there are none. */
  coverage: number;
  /** Courses linked to nothing any post of the group needs (or to nothing at all). */
  retire: { code: string; name: string; credits: number; linked: number }[];
  /** Competencies the posts need that two or more courses teach. */
  overlaps: { competency: string; courses: string[] }[];
}

export function courseCoverage(
  posts: readonly CoveragePost[],
  courses: readonly CoverageCourse[],
  essentialWeight = 0.75,
): CoverageReport {
  const teachers = new Map<string, string[]>();
  for (const course of courses) {
    for (const competency of new Set(course.competencies)) {
      teachers.set(competency, [...(teachers.get(competency) ?? []), course.code]);
    }
  }
  const needed = new Set(posts.flatMap((post) => post.competencies.map((competency) => competency.id)));
  let essentialPairs = 0;
  let coveredPairs = 0;
  const report = posts.map((post): PostCoverage => {
    const essential = post.competencies.filter((competency) => competency.weight >= essentialWeight);
    const gaps = essential
      .filter((competency) => !teachers.has(competency.id))
      .sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id))
      .map((competency) => ({ competency: competency.id, weight: competency.weight }));
    essentialPairs += essential.length;
    coveredPairs += essential.length - gaps.length;
    const own = new Set(post.competencies.map((competency) => competency.id));
    const courseList = courses
      .map((course) => ({ code: course.code, teaches: new Set(course.competencies.filter((id) => own.has(id))).size }))
      .filter((entry) => entry.teaches > 0)
      .sort((a, b) => b.teaches - a.teaches || a.code.localeCompare(b.code));
    return {
      post: post.id,
      label: post.label,
      essential: essential.length,
      covered: essential.length - gaps.length,
      gaps,
      courses: courseList,
    };
  });
  const retire = courses
    .filter((course) => !course.competencies.some((id) => needed.has(id)))
    .map((course) => ({
      code: course.code,
      name: course.name,
      credits: course.credits,
      linked: new Set(course.competencies).size,
    }));
  const overlaps = [...teachers]
    .filter(([competency, codes]) => codes.length >= 2 && needed.has(competency))
    .map(([competency, codes]) => ({ competency, courses: [...codes].sort() }))
    .sort((a, b) => b.courses.length - a.courses.length || a.competency.localeCompare(b.competency));
  return {
    posts: report,
    coverage: essentialPairs === 0 ? 1 : coveredPairs / essentialPairs,
    retire,
    overlaps,
  };
}
