/**
 * How much of a synthesised course system comes from the curated course library (issue 15 §2): for the scheme's
 * example group, for the groups the default grouping makes of all curated posts, and for each post alone, the
 * courses matched from the library, those synthesised, and their titles. `npx tsx bench/measure-course-library.ts`
 * (prints a table and a sample of titles; `--json` for the figures). The library was written against the same
 * catalogue, so these figures are not a held-out measurement.
 */
import { courseInputFromBundle } from '../src/core/courses/course-input-from-bundle.js';
import { allCourses, type Course } from '../src/core/courses/course-system.js';
import { synthesizeCourseSystem } from '../src/core/courses/synthesize-course-system.js';
import { groupPosts } from '../src/core/groups/group-posts.js';
import { bundledCourseLibrary } from '../src/interchange/courses/read-course-library.js';
import { readCuratedCatalogue } from '../src/interchange/curated/read-curated-catalogue.js';
import { curatedCatalogueDir } from '../src/interchange/shared-data.js';

const EXAMPLE_GROUP = [
  'ito-cloud-operations',
  'ito-industrial-software-development',
  'ito-industrial-software-testing',
  'ito-information-system-operations',
  'ito-mobile-app-development',
];

export interface LibraryUsage {
  name: string;
  posts: number;
  courses: number;
  fromLibrary: number;
  synthesized: number;
  credits: number;
  titles: string[];
}

export async function measureCourseLibrary(): Promise<LibraryUsage[]> {
  const { bundle } = await readCuratedCatalogue(curatedCatalogueDir());
  const library = await bundledCourseLibrary();
  const usage = (name: string, postIds: string[]): LibraryUsage => {
    const { posts, facts } = courseInputFromBundle(bundle, postIds);
    const courses = allCourses(synthesizeCourseSystem(posts, { facts, library }));
    const label = (course: Course) => `${course.titleZh} / ${course.titleEn}${course.libraryCode ? '' : ' *'}`;
    return {
      name,
      posts: postIds.length,
      courses: courses.length,
      fromLibrary: courses.filter((course) => course.libraryCode).length,
      synthesized: courses.filter((course) => !course.libraryCode).length,
      credits: courses.reduce((sum, course) => sum + course.credits, 0),
      titles: courses.map(label),
    };
  };
  const cases = [usage('scheme example group (5 ITO posts)', EXAMPLE_GROUP)];
  const all = courseInputFromBundle(
    bundle,
    bundle.posts.map((post) => post.id),
  );
  const grouping = groupPosts(all.posts.map((post) => ({ ...post, competencies: [...post.competencies] })));
  grouping.groups.forEach((group, index) => cases.push(usage(`curated grouping, group ${index + 1}`, group.posts)));
  const alone = bundle.posts.map((post) => usage(post.id, [post.id]));
  cases.push({
    name: 'each curated post alone (18 groups)',
    posts: alone.length,
    courses: alone.reduce((sum, entry) => sum + entry.courses, 0),
    fromLibrary: alone.reduce((sum, entry) => sum + entry.fromLibrary, 0),
    synthesized: alone.reduce((sum, entry) => sum + entry.synthesized, 0),
    credits: alone.reduce((sum, entry) => sum + entry.credits, 0),
    titles: alone.flatMap((entry) => entry.titles.filter((title) => title.endsWith('*'))),
  });
  return cases;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const cases = await measureCourseLibrary();
  if (process.argv.includes('--json')) console.log(JSON.stringify(cases, null, 2));
  else {
    for (const entry of cases) {
      console.log(
        `${entry.name}: ${entry.posts} posts, ${entry.courses} courses (${entry.fromLibrary} from the library, ${entry.synthesized} synthesised *), ${entry.credits} credits`,
      );
      console.log(`  ${entry.titles.slice(0, 40).join('; ')}`);
    }
  }
}
