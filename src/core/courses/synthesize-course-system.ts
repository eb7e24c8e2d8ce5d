import { DomainError } from '../errors/domain-error.js';
import {
  ESSENTIAL_WEIGHT,
  type Course,
  type CourseSystem,
  type ElectiveKind,
  type PostModules,
} from './course-system.js';
import { breakPrerequisiteCycles } from './prerequisite-graph.js';

export interface CoursePost {
  id: string;
  label: string;
  /** Optional English label (the post's `label` is taken as Chinese-first). */
  labelEn?: string;
  competencies: readonly { id: string; weight: number }[];
}

/** What the catalogue knows of a competency; everything optional (the CLI has ids only). */
export interface CompetencyFacts {
  labelZh?: string;
  labelEn?: string;
  /** Competencies of one cluster (dimension, broader concept) are packed together first. */
  cluster?: string;
  /** Competencies that must be learnt before this one (the catalogue's prerequisite relation). */
  requires?: readonly string[];
}

export interface SynthesisOptions {
  facts?: ReadonlyMap<string, CompetencyFacts>;
  /** Credits one competency takes (default 0.5: 8 teaching hours). */
  creditsPerCompetency?: number;
  /** Teaching hours per credit (default 16, the usual 高职 ratio). */
  hoursPerCredit?: number;
  /** A course holds at most this many credits (default 4) and, when it can, at least `minCourseCredits` (2). */
  maxCourseCredits?: number;
  minCourseCredits?: number;
  /** No prerequisite chain longer than this many courses (default 3: platform → module → elective). */
  maxPrerequisiteChain?: number;
}

interface Need {
  id: string;
  /** post id → weight */
  weights: Map<string, number>;
}

type Bucket =
  | { kind: 'platform' }
  | { kind: 'module'; post: string }
  | { kind: 'elective'; electiveKind: ElectiveKind; post: string | null };

/**
 * Derives a group's course system from its posts. Platform courses (专业群基础课) teach the competencies at least
 * half of the posts (and at least two) need; each post's module courses (专业核心课) teach its essential
 * competencies (weight ≥ 0.75) the platform does not; electives teach the rest — 专业群选修课 when several posts
 * want them, 专业拓展选修课 when one does. Competencies are packed into courses of 2–4 credits, cluster by
 * cluster, so a post's essential competencies are always covered by the platform plus its own modules.
 * Prerequisites: the catalogue's competency prerequisites, lifted to courses, plus each module course requiring
 * the platform course its post leans on most and each extension elective requiring its post's first module.
 */
export function synthesizeCourseSystem(posts: readonly CoursePost[], options: SynthesisOptions = {}): CourseSystem {
  const facts = options.facts ?? new Map<string, CompetencyFacts>();
  const perCompetency = options.creditsPerCompetency ?? 0.5;
  const hoursPerCredit = options.hoursPerCredit ?? 16;
  const maxCredits = options.maxCourseCredits ?? 4;
  const minCredits = Math.min(options.minCourseCredits ?? 2, maxCredits);
  if (!(perCompetency > 0) || perCompetency > maxCredits) {
    throw new DomainError('VALIDATION_FAILED', 'credits per competency must be > 0 and ≤ the course maximum', {
      field: 'creditsPerCompetency',
    });
  }
  const postLabels = new Map(posts.map((post) => [post.id, post] as const));
  const needs = new Map<string, Need>();
  for (const post of posts) {
    for (const { id, weight } of post.competencies) {
      const need = needs.get(id) ?? { id, weights: new Map<string, number>() };
      need.weights.set(post.id, Math.max(weight, need.weights.get(post.id) ?? 0));
      needs.set(id, need);
    }
  }

  const sharedThreshold = Math.max(2, Math.ceil(posts.length / 2));
  const buckets = new Map<string, { bucket: Bucket; needs: Need[] }>();
  const put = (key: string, bucket: Bucket, need: Need) => {
    const entry = buckets.get(key) ?? { bucket, needs: [] };
    entry.needs.push(need);
    buckets.set(key, entry);
  };
  for (const need of needs.values()) {
    const essentialFor = [...need.weights].filter(([, weight]) => weight >= ESSENTIAL_WEIGHT).map(([post]) => post);
    if (posts.length >= 2 && need.weights.size >= sharedThreshold) {
      put('platform', { kind: 'platform' }, need);
    } else if (essentialFor.length > 0) {
      for (const post of essentialFor) put(`module:${post}`, { kind: 'module', post }, need);
      // Posts that only want it optionally reach it through the module courses of the posts that need it.
    } else if (need.weights.size >= 2) {
      put('elective:group', { kind: 'elective', electiveKind: 'group', post: null }, need);
    } else {
      const [post] = [...need.weights.keys()];
      put(`elective:${post}`, { kind: 'elective', electiveKind: 'extension', post: post ?? null }, need);
    }
  }

  const labelZh = (id: string) => facts.get(id)?.labelZh ?? facts.get(id)?.labelEn ?? id;
  const labelEn = (id: string) => facts.get(id)?.labelEn ?? facts.get(id)?.labelZh ?? id;
  const postZh = (id: string) => postLabels.get(id)?.label ?? id;
  const postEn = (id: string) => postLabels.get(id)?.labelEn ?? postLabels.get(id)?.label ?? id;
  const usedTitles = new Map<string, number>();

  function makeCourses(bucket: Bucket, bucketNeeds: Need[], idOf: (n: number) => string): Course[] {
    const chunks = pack(orderNeeds(bucketNeeds, facts, bucket), facts, perCompetency, minCredits, maxCredits);
    return chunks.map((chunk, index) => {
      const ids = chunk.map((need) => need.id);
      const credits = roundHalf(ids.length * perCompetency);
      const { zh, en } = uniqueTitle(
        courseTitle(ids.map(labelZh), 'zh'),
        courseTitle(ids.map(labelEn), 'en'),
        usedTitles,
      );
      return {
        id: idOf(index + 1),
        kind: bucket.kind,
        post: bucket.kind === 'platform' ? null : bucket.post,
        electiveKind: bucket.kind === 'elective' ? bucket.electiveKind : null,
        titleZh: zh,
        titleEn: en,
        credits,
        hours: Math.round(credits * hoursPerCredit),
        competencies: ids,
        prerequisites: [],
        objectivesZh: chunk.map(
          (need) => `掌握并能运用“${labelZh(need.id)}”（${[...need.weights.keys()].map(postZh).join('、')}需要）`,
        ),
        objectivesEn: chunk.map(
          (need) => `Apply ${labelEn(need.id)} (needed by ${[...need.weights.keys()].map(postEn).join(', ')})`,
        ),
      };
    });
  }

  const pad = (n: number) => String(n).padStart(2, '0');
  const platform = buckets.has('platform')
    ? makeCourses({ kind: 'platform' }, buckets.get('platform')!.needs, (n) => `P${pad(n)}`)
    : [];
  const modules: PostModules[] = posts.map((post, postIndex) => {
    const entry = buckets.get(`module:${post.id}`);
    const courses = entry ? makeCourses(entry.bucket, entry.needs, (n) => `M${pad(postIndex + 1)}-${pad(n)}`) : [];
    const essential = post.competencies.filter((c) => c.weight >= ESSENTIAL_WEIGHT).map((c) => c.id);
    return { post: post.id, courses, essential: [...new Set(essential)] };
  });
  const electives: Course[] = [];
  let electiveNumber = 0;
  const electiveKeys = ['elective:group', ...posts.map((post) => `elective:${post.id}`)];
  for (const key of electiveKeys) {
    const entry = buckets.get(key);
    if (!entry) continue;
    electives.push(...makeCourses(entry.bucket, entry.needs, () => `E${pad(++electiveNumber)}`));
  }

  const system: CourseSystem = { platform, modules, electives };
  linkPrerequisites(system, posts, facts, options.maxPrerequisiteChain ?? 3);
  return system;
}

/** Cluster first, then the posts that need a competency (so a course serves a coherent set), strongest first. */
function orderNeeds(needs: Need[], facts: ReadonlyMap<string, CompetencyFacts>, bucket: Bucket): Need[] {
  const strength = (need: Need) =>
    bucket.kind === 'module'
      ? (need.weights.get(bucket.post) ?? 0)
      : [...need.weights.values()].reduce((a, b) => a + b, 0);
  const signature = (need: Need) => [...need.weights.keys()].sort().join('|');
  return [...needs].sort(
    (a, b) =>
      compare(facts.get(a.id)?.cluster ?? '~', facts.get(b.id)?.cluster ?? '~') ||
      compare(signature(a), signature(b)) ||
      strength(b) - strength(a) ||
      compare(a.id, b.id),
  );
}

/** Greedy packing in order: a new course when the next would overflow, or at a cluster change once big enough. */
function pack(
  ordered: Need[],
  facts: ReadonlyMap<string, CompetencyFacts>,
  perCompetency: number,
  minCredits: number,
  maxCredits: number,
): Need[][] {
  const capacity = Math.max(1, Math.floor(maxCredits / perCompetency + 1e-9));
  const enough = Math.max(1, Math.ceil(minCredits / perCompetency - 1e-9));
  const chunks: Need[][] = [];
  let current: Need[] = [];
  for (const need of ordered) {
    const previous = current[current.length - 1];
    const clusterChange =
      previous !== undefined && (facts.get(previous.id)?.cluster ?? '') !== (facts.get(need.id)?.cluster ?? '');
    if (current.length >= capacity || (clusterChange && current.length >= enough)) {
      chunks.push(current);
      current = [];
    }
    current.push(need);
  }
  if (current.length > 0) chunks.push(current);
  // A small last course joins the one before when both fit in one.
  const last = chunks[chunks.length - 1];
  const before = chunks[chunks.length - 2];
  if (last && before && last.length < enough && last.length + before.length <= capacity) {
    before.push(...last);
    chunks.pop();
  }
  return chunks;
}

const TIER = { platform: 0, module: 1, elective: 2 } as const;
const tier = (course: Course) => TIER[course.kind];

function linkPrerequisites(
  system: CourseSystem,
  posts: readonly CoursePost[],
  facts: ReadonlyMap<string, CompetencyFacts>,
  maxChain: number,
): void {
  const courses = [...system.platform, ...system.modules.flatMap((m) => m.courses), ...system.electives];
  const teaching = new Map<string, Course[]>();
  for (const course of courses) {
    for (const id of course.competencies) teaching.set(id, [...(teaching.get(id) ?? []), course]);
  }
  // The course that teaches a required competency to this course's students: its own post's, else the platform's.
  const teacherOf = (required: string, course: Course): Course | undefined => {
    const candidates = teaching.get(required) ?? [];
    return (
      candidates.find((other) => other.post !== null && other.post === course.post) ??
      candidates.find((other) => other.kind === 'platform') ??
      candidates[0]
    );
  };
  const edges: [string, string][] = [];
  // Each module course builds on the platform course its post leans on most.
  const weightOf = new Map(posts.map((post) => [post.id, new Map(post.competencies.map((c) => [c.id, c.weight]))]));
  const leanedOn = (postId: string): Course | undefined => {
    const weights = weightOf.get(postId);
    let best: { course: Course; score: number } | undefined;
    for (const course of system.platform) {
      const score = course.competencies.reduce((sum, id) => sum + (weights?.get(id) ?? 0), 0);
      if (score > 0 && (!best || score > best.score)) best = { course, score };
    }
    return best?.course;
  };
  for (const entry of system.modules) {
    const base = leanedOn(entry.post);
    if (base) for (const course of entry.courses) edges.push([base.id, course.id]);
  }
  for (const course of system.electives) {
    if (course.electiveKind !== 'extension' || !course.post) continue;
    const first = system.modules.find((m) => m.post === course.post)?.courses[0] ?? leanedOn(course.post);
    if (first) edges.push([first.id, course.id]);
  }
  // Then the catalogue's competency prerequisites, lifted to the courses that teach them — never from a later
  // tier back to an earlier one (a module cannot be a prerequisite of a platform course).
  for (const course of courses) {
    for (const id of course.competencies) {
      for (const required of facts.get(id)?.requires ?? []) {
        if (course.competencies.includes(required)) continue;
        const before = teacherOf(required, course);
        if (before && before.id !== course.id && tier(before) <= tier(course)) edges.push([before.id, course.id]);
      }
    }
  }
  // Lifted relations can loop (two courses each teaching a prerequisite of the other) or chain too deep for a
  // timetable: keep the edges in this order while they close no cycle and no chain exceeds `maxChain` courses.
  const kept = breakPrerequisiteCycles(
    courses.map((course) => course.id),
    edges,
    maxChain,
  );
  const byId = new Map(courses.map((course) => [course.id, course]));
  for (const [before, after] of kept) {
    const course = byId.get(after)!;
    if (!course.prerequisites.includes(before)) course.prerequisites.push(before);
  }
}

export function courseTitle(labels: readonly string[], language: 'zh' | 'en'): string {
  const [first, second] = labels;
  if (first === undefined) return '';
  if (language === 'zh') {
    if (second === undefined) return first;
    return `${first}与${second}${labels.length > 2 ? '等' : ''}`;
  }
  if (second === undefined) return first;
  return labels.length > 2 ? `${first}, ${second} and more` : `${first} and ${second}`;
}

function uniqueTitle(zh: string, en: string, used: Map<string, number>): { zh: string; en: string } {
  const seen = (used.get(zh) ?? 0) + 1;
  used.set(zh, seen);
  if (seen === 1) return { zh, en };
  return { zh: `${zh}（${chineseNumeral(seen)}）`, en: `${en} ${roman(seen)}` };
}

function chineseNumeral(n: number): string {
  const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return n <= 10 ? (digits[n] ?? String(n)) : String(n);
}

function roman(n: number): string {
  const numerals = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
  return n <= 10 ? (numerals[n] ?? String(n)) : String(n);
}

function roundHalf(value: number): number {
  return Math.max(0.5, Math.round(value * 2) / 2);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
