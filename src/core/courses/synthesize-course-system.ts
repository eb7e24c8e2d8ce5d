import { DomainError } from '../errors/domain-error.js';
import { competencyAreas, isProfessionalQuality } from './course-areas.js';
import type { CourseArea, CourseLibrary, LibraryCourse } from './course-library.js';
import {
  ESSENTIAL_WEIGHT,
  type Course,
  type CourseSystem,
  type ElectiveKind,
  type PostModules,
} from './course-system.js';
import { breakPrerequisiteCycles, isKnowledgeFlow } from './prerequisite-graph.js';
import { synthesizedTitle, uniqueTitle } from './synthesized-title.js';

export interface CoursePost {
  id: string;
  label: string;
  /** Optional English label (the post's `label` is taken as Chinese-first). */
  labelEn?: string;
  competencies: readonly { id: string; weight: number }[];
}

/** What the catalogue knows of a competency; everything optional (the CLI may have ids only). */
export interface CompetencyFacts {
  labelZh?: string;
  labelEn?: string;
  /** Competencies of one cluster (dimension, broader concept) are packed together first. */
  cluster?: string;
  /** Competencies that must be learnt before this one (the catalogue's prerequisite relation). */
  requires?: readonly string[];
  /** The catalogue's dimension (`quality` marks a professional-quality competency, 职业素养). */
  dimension?: string;
  /** The broader competency, if any. */
  broader?: string;
}

export interface SynthesisOptions {
  facts?: ReadonlyMap<string, CompetencyFacts>;
  /** Curated courses matched first (by competency coverage); the rest is synthesised area by area. */
  library?: CourseLibrary;
  /** Credits one competency takes in a synthesised course (default 0.5: 8 teaching hours). */
  creditsPerCompetency?: number;
  /** Teaching hours per credit of a synthesised course (default 16, the usual 高职 ratio). */
  hoursPerCredit?: number;
  /** A course holds at most this many credits (default 4). */
  maxCourseCredits?: number;
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

/** One course before it is numbered: a matched library course (possibly extended) or a synthesised one. */
interface Draft {
  library: LibraryCourse | null;
  area: CourseArea | null;
  needs: Need[];
  credits: number;
  level: number;
}

/** The weight from which a post's wish for a competency counts towards a platform course (see below). */
export const PLATFORM_MIN_WEIGHT = 0.3;

/**
 * Derives a group's course system from its posts. Platform courses (专业群基础课) teach the competencies at least
 * half of the posts (and at least two) need with a weight of at least `PLATFORM_MIN_WEIGHT`; each post's module courses (专业核心课) teach its essential
 * competencies (weight ≥ 0.75) the platform does not; electives teach the rest — 专业群选修课 when several posts
 * want them, 专业拓展选修课 when one does. Professional-quality competencies (职业素养) are never mixed into a
 * technical course: they form quality courses of their own, shared by the group (the platform) or, for a
 * one-post group, the post's modules.
 *
 * Within each of these, courses of the curated library are matched first — the one teaching most of the
 * still-uncovered competencies, as long as at least half of what it teaches is wanted; its credits shrink with
 * the share it is used for. What is left joins a matched course of its own knowledge area when there is room,
 * else is packed, area by area and post by post, into courses named after their area. A post's essential
 * competencies are always covered by the platform plus its own modules.
 *
 * Prerequisites only where knowledge flows: the library's own (same area, lower level), and the catalogue's
 * competency prerequisites lifted to courses of one area from a lower level to a higher one.
 */
export function synthesizeCourseSystem(posts: readonly CoursePost[], options: SynthesisOptions = {}): CourseSystem {
  const facts = options.facts ?? new Map<string, CompetencyFacts>();
  const library = options.library;
  const perCompetency = options.creditsPerCompetency ?? 0.5;
  const hoursPerCredit = options.hoursPerCredit ?? 16;
  const maxCredits = options.maxCourseCredits ?? 4;
  if (!(perCompetency > 0) || perCompetency > maxCredits) {
    throw new DomainError('VALIDATION_FAILED', 'credits per competency must be > 0 and ≤ the course maximum', {
      field: 'creditsPerCompetency',
    });
  }
  const { areaOf } = competencyAreas(facts, library);
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
  const onlyPost = posts.length === 1 ? posts[0]!.id : null;
  for (const need of needs.values()) {
    const essentialFor = [...need.weights].filter(([, weight]) => weight >= ESSENTIAL_WEIGHT).map(([post]) => post);
    if (isProfessionalQuality(facts.get(need.id))) {
      // 职业素养 is taught once to the whole group (or to the one post's students), never inside technical courses.
      if (onlyPost) put(`module:${onlyPost}`, { kind: 'module', post: onlyPost }, need);
      else if (posts.length >= 2) put('platform', { kind: 'platform' }, need);
    } else if (
      posts.length >= 2 &&
      [...need.weights.values()].filter((weight) => weight >= PLATFORM_MIN_WEIGHT).length >= sharedThreshold
    ) {
      // Required of every student only when half the posts want it in earnest: a competency many posts mention
      // in passing (a tenth of their postings) is a group elective, not a platform course.
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
  const usedTitles = new Set<string>();
  const depth = (id: string) => {
    let steps = 0;
    const seen = new Set<string>([id]);
    for (let current = facts.get(id)?.broader; current && !seen.has(current); current = facts.get(current)?.broader) {
      seen.add(current);
      steps++;
    }
    return steps;
  };

  function draftCourses(bucket: Bucket, bucketNeeds: Need[]): Draft[] {
    const ordered = orderNeeds(bucketNeeds, facts, bucket);
    const remaining = new Map(ordered.map((need) => [need.id, need] as const));
    const drafts: Draft[] = [];
    for (const match of matchLibrary(library, remaining)) {
      const share = match.needs.length / match.course.competencies.length;
      const credits = Math.min(maxCredits, Math.max(1, roundHalf(match.course.credits * share)));
      drafts.push({
        library: match.course,
        area: library?.areas.find((area) => area.id === match.course.area) ?? null,
        needs: match.needs,
        credits,
        level: match.course.level,
      });
    }
    // What no library course teaches well joins a matched course of its own area while it has room …
    const left: Need[] = [];
    for (const need of remaining.values()) {
      const area = areaOf(need.id);
      const host = area
        ? drafts.find((draft) => draft.area?.id === area.id && draft.credits + perCompetency <= maxCredits + 1e-9)
        : undefined;
      if (host) {
        host.needs.push(need);
        host.credits = roundHalf(host.credits + perCompetency);
      } else left.push(need);
    }
    // … else courses of its own area, packed post by post (the order keeps one signature together).
    const capacity = Math.max(1, Math.floor(maxCredits / perCompetency + 1e-9));
    const byArea = new Map<string, Need[]>();
    for (const need of left) {
      const key = areaOf(need.id)?.id ?? '';
      byArea.set(key, [...(byArea.get(key) ?? []), need]);
    }
    for (const areaNeeds of byArea.values()) {
      const area = areaOf(areaNeeds[0]!.id);
      for (let start = 0; start < areaNeeds.length; start += capacity) {
        const chunk = areaNeeds.slice(start, start + capacity);
        drafts.push({
          library: null,
          area,
          needs: chunk,
          credits: Math.min(maxCredits, Math.max(1, roundHalf(chunk.length * perCompetency))),
          level: Math.min(3, 1 + Math.min(...chunk.map((need) => depth(need.id)))),
        });
      }
    }
    return drafts;
  }

  /**
   * A course of no known area whose one or two competencies have labels (a `zerodock plan` input, a framework
   * without areas) is named after them: what it teaches, never an id and never a list cut short with 等.
   */
  function labelledTitle(draft: Draft): { zh: string; en: string } | null {
    if (draft.area || draft.needs.length === 0 || draft.needs.length > 2) return null;
    const labels = draft.needs.map((need) => facts.get(need.id));
    if (labels.some((fact) => !fact?.labelZh || !fact.labelEn)) return null;
    return {
      zh: labels.map((fact) => fact!.labelZh).join('与'),
      en: labels.map((fact) => fact!.labelEn).join(' and '),
    };
  }

  function makeCourses(bucket: Bucket, bucketNeeds: Need[], idOf: (n: number) => string): Course[] {
    return draftCourses(bucket, bucketNeeds).map((draft, index) => {
      const ids = draft.needs.map((need) => need.id);
      const base = draft.library
        ? { zh: draft.library.titleZh, en: draft.library.titleEn }
        : (labelledTitle(draft) ?? synthesizedTitle(draft.area, bucket, { zh: postZh, en: postEn }));
      const post = bucket.kind === 'platform' ? null : bucket.post;
      const { zh, en } = uniqueTitle(base, usedTitles, post ? { zh: postZh(post), en: postEn(post) } : null);
      const libraryHours = draft.library ? draft.library.theoryHours + draft.library.practiceHours : 0;
      const hours = draft.library
        ? Math.round((draft.credits * libraryHours) / draft.library.credits)
        : Math.round(draft.credits * hoursPerCredit);
      const practiceShare = draft.library && libraryHours > 0 ? draft.library.practiceHours / libraryHours : 0.5;
      const practiceHours = Math.round(hours * practiceShare);
      return {
        id: idOf(index + 1),
        kind: bucket.kind,
        post,
        electiveKind: bucket.kind === 'elective' ? bucket.electiveKind : null,
        titleZh: zh,
        titleEn: en,
        credits: draft.credits,
        hours,
        theoryHours: hours - practiceHours,
        practiceHours,
        ...(draft.area ? { area: draft.area.id } : {}),
        ...(draft.library ? { libraryCode: draft.library.code } : {}),
        level: draft.level,
        competencies: ids,
        prerequisites: [],
        objectivesZh: draft.needs.map(
          (need) => `掌握并能运用“${labelZh(need.id)}”（${[...need.weights.keys()].map(postZh).join('、')}需要）`,
        ),
        objectivesEn: draft.needs.map(
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
    return { post: post.id, courses, essential: [...new Set(essential)].sort(compare) };
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
  linkPrerequisites(system, facts, library, options.maxPrerequisiteChain ?? 3);
  return system;
}

/**
 * Library courses for a set of wanted competencies, greedily: the course teaching most of them (ties: the larger
 * share of its content, then the library's order), while at least half of what a course teaches is wanted.
 * Removes what it matches from `remaining`.
 */
function matchLibrary(
  library: CourseLibrary | undefined,
  remaining: Map<string, Need>,
): { course: LibraryCourse; needs: Need[] }[] {
  const matches: { course: LibraryCourse; needs: Need[] }[] = [];
  if (!library) return matches;
  const candidates = library.courses.filter((course) => course.competencies.some((id) => remaining.has(id)));
  for (;;) {
    let best: { course: LibraryCourse; ids: string[]; share: number } | undefined;
    for (const course of candidates) {
      const ids = course.competencies.filter((id) => remaining.has(id));
      const share = ids.length / course.competencies.length;
      if (ids.length === 0 || share < 0.5) continue;
      if (!best || ids.length > best.ids.length || (ids.length === best.ids.length && share > best.share)) {
        best = { course, ids, share };
      }
    }
    if (!best) return matches;
    matches.push({ course: best.course, needs: best.ids.map((id) => remaining.get(id)!) });
    for (const id of best.ids) remaining.delete(id);
  }
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

const TIER = { platform: 0, module: 1, elective: 2 } as const;
const tier = (course: Course) => TIER[course.kind];

function linkPrerequisites(
  system: CourseSystem,
  facts: ReadonlyMap<string, CompetencyFacts>,
  library: CourseLibrary | undefined,
  maxChain: number,
): void {
  const courses = [...system.platform, ...system.modules.flatMap((m) => m.courses), ...system.electives];
  const teaching = new Map<string, Course[]>();
  for (const course of courses) {
    for (const id of course.competencies) teaching.set(id, [...(teaching.get(id) ?? []), course]);
  }
  // The course a student of `course` learns from: its own post's, else the platform's, else any earlier one.
  const nearest = (candidates: readonly Course[], course: Course): Course | undefined =>
    candidates.find((other) => other.post !== null && other.post === course.post) ??
    candidates.find((other) => other.kind === 'platform') ??
    candidates[0];
  const edges: [string, string][] = [];
  const add = (before: Course | undefined, after: Course) => {
    if (before && before.id !== after.id && tier(before) <= tier(after) && isKnowledgeFlow(before, after)) {
      edges.push([before.id, after.id]);
    }
  };
  // The library's own prerequisites (same area, lower level) between the library courses present.
  const byCode = new Map<string, Course[]>();
  for (const course of courses) {
    if (course.libraryCode) byCode.set(course.libraryCode, [...(byCode.get(course.libraryCode) ?? []), course]);
  }
  const libraryCourse = new Map((library?.courses ?? []).map((course) => [course.code, course]));
  for (const course of courses) {
    for (const code of libraryCourse.get(course.libraryCode ?? '')?.prerequisites ?? []) {
      const candidates = (byCode.get(code) ?? []).filter((other) => tier(other) <= tier(course));
      add(nearest(candidates, course), course);
    }
  }
  // Then the catalogue's competency prerequisites and broader concepts, lifted to the courses that teach them.
  for (const course of courses) {
    for (const id of course.competencies) {
      const before = [...(facts.get(id)?.requires ?? []), facts.get(id)?.broader].filter(
        (other): other is string => other !== undefined && !course.competencies.includes(other),
      );
      for (const required of before) {
        const candidates = (teaching.get(required) ?? []).filter((other) => tier(other) <= tier(course));
        add(nearest(candidates, course), course);
      }
    }
  }
  // Lifted relations can loop or chain too deep for a timetable: keep the edges in this order while they close
  // no cycle and no chain exceeds `maxChain` courses.
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

function roundHalf(value: number): number {
  return Math.max(0.5, Math.round(value * 2) / 2);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
