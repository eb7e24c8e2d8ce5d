import type { SemesterCourse } from './plan-semesters.js';
import type { CoursePost } from './synthesize-course-system.js';

/**
 * Generated specialty groups for the plan contract's check (tests and bench, never product data): a group of
 * posts of a realistic shape — a large shared platform, a module track per post, a few electives — either as
 * courses ready to place (`generatedGroupCourses`) or as the posts `zerodock plan` reads (`generatedGroupPosts`).
 * Deterministic for a given seed.
 */
export interface GeneratedGroupShape {
  posts: number;
  /** Total credits of the group's own courses (platform + every module + electives). */
  credits: number;
  /** Share of the total taught by platform courses (专业群平台课), default 0.45. */
  platformShare?: number;
  /** Share taught by electives, default 0.12; the rest is split evenly over the posts' module tracks. */
  electiveShare?: number;
  seed?: number;
}

export interface GeneratedCourse extends SemesterCourse {
  kind: 'platform' | 'module' | 'elective';
  post: string | null;
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32: small, fast, deterministic.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** Splits `credits` into courses of 2–4 credits (halves allowed), as a college would. */
function splitCredits(credits: number, next: () => number): number[] {
  const out: number[] = [];
  let left = Math.round(credits * 2) / 2;
  while (left > 4) {
    const size = Math.min(left - 2 >= 2 ? 4 : left - 2, 2 + Math.round(next() * 4) / 2);
    out.push(size);
    left = Math.round((left - size) * 2) / 2;
  }
  if (left > 0) out.push(left);
  return out;
}

/**
 * Courses of a generated group: platform courses in two or three prerequisite levels, each post's module
 * courses building on a platform course (and the post's first module), electives building on a module. Credits
 * add up to `shape.credits` exactly (to the half credit).
 */
export function generatedGroupCourses(shape: GeneratedGroupShape): GeneratedCourse[] {
  const next = random(shape.seed ?? 20261207);
  const platformCredits = Math.round(shape.credits * (shape.platformShare ?? 0.45) * 2) / 2;
  const electiveCredits = Math.round(shape.credits * (shape.electiveShare ?? 0.12) * 2) / 2;
  const moduleCredits = shape.credits - platformCredits - electiveCredits;
  const perPost = Array.from({ length: shape.posts }, (_, index) => {
    const base = Math.floor((moduleCredits / shape.posts) * 2) / 2;
    return index === 0 ? moduleCredits - base * (shape.posts - 1) : base;
  });
  const courses: GeneratedCourse[] = [];
  const add = (course: Omit<GeneratedCourse, 'hours'>) => courses.push({ ...course, hours: course.credits * 16 });
  const platform = splitCredits(platformCredits, next);
  platform.forEach((credits, index) => {
    // A third of the platform is foundations; later platform courses may build on one of them.
    const foundations = Math.max(1, Math.floor(platform.length / 3));
    const prerequisites = index >= foundations && next() < 0.6 ? [`P${Math.floor(next() * foundations) + 1}`] : [];
    add({ id: `P${index + 1}`, credits, prerequisites, kind: 'platform', post: null });
  });
  perPost.forEach((credits, p) => {
    const post = `post-${p + 1}`;
    splitCredits(credits, next).forEach((size, index) => {
      const prerequisites = index === 0 ? [`P${Math.floor(next() * platform.length) + 1}`] : [`M${p + 1}-1`];
      add({ id: `M${p + 1}-${index + 1}`, credits: size, prerequisites, kind: 'module', post });
    });
  });
  splitCredits(electiveCredits, next).forEach((credits, index) => {
    const p = Math.floor(next() * shape.posts) + 1;
    const prerequisites = next() < 0.5 ? [`M${p}-1`] : [];
    add({ id: `E${index + 1}`, credits, prerequisites, kind: 'elective', post: null });
  });
  return courses;
}

/**
 * Posts of a generated group for `zerodock plan`, shaped so the synthesis of half a credit per competency gives
 * about `shape.credits` credits: competencies every post needs (platform), essential competencies of one post
 * (its module track), optional competencies of one or two posts (electives). Each competency carries a bilingual
 * `label`, as the plan input allows.
 */
export function generatedGroupPosts(
  shape: GeneratedGroupShape & { creditsPerCompetency?: number },
): (CoursePost & { competencies: { id: string; weight: number; label: { zh: string; en: string } }[] })[] {
  const next = random(shape.seed ?? 20261207);
  const per = shape.creditsPerCompetency ?? 0.5;
  const count = (share: number) => Math.round((shape.credits * share) / per);
  const platformShare = shape.platformShare ?? 0.45;
  const electiveShare = shape.electiveShare ?? 0.12;
  const shared = count(platformShare);
  const own = Math.round(count(1 - platformShare - electiveShare) / shape.posts);
  const optional = count(electiveShare);
  const label = (kind: string, n: number) => ({ zh: `${kind}能力${n}`, en: `${kind} competency ${n}` });
  const posts = Array.from({ length: shape.posts }, (_, p) => ({
    id: `post-${p + 1}`,
    label: `岗位${p + 1}`,
    labelEn: `Post ${p + 1}`,
    competencies: [] as { id: string; weight: number; label: { zh: string; en: string } }[],
  }));
  for (let n = 1; n <= shared; n += 1) {
    // Shared by most posts (at least half of them, so synthesis puts it on the platform).
    const takers = posts.filter(() => next() < 0.8);
    const enough = takers.length >= Math.ceil(shape.posts / 2) ? takers : posts;
    for (const post of enough)
      post.competencies.push({ id: `shared-${n}`, weight: next() < 0.7 ? 1 : 0.5, label: label('平台', n) });
  }
  posts.forEach((post, p) => {
    for (let n = 1; n <= own; n += 1)
      post.competencies.push({ id: `post${p + 1}-${n}`, weight: 1, label: label(`岗位${p + 1}核心`, n) });
  });
  for (let n = 1; n <= optional; n += 1) {
    const post = posts[Math.floor(next() * shape.posts)]!;
    post.competencies.push({ id: `optional-${n}`, weight: 0.5, label: label('拓展', n) });
  }
  return posts;
}
