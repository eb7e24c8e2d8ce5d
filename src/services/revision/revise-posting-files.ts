import { z } from 'zod';
import type { PlanFile, PlanInputFile } from '../../contracts/courses.js';
import {
  type RevisionPostingLine,
  type ReviseOutput,
  type RevisionChangeOutput,
  type RevisionProposalOutput,
} from '../../contracts/revision.js';
import { demandMaskOf } from '../../core/demand/demand-text.js';
import { linkDemand } from '../../core/demand/link-demand.js';
import { candidateTermsOf } from '../../core/revision/candidate-terms.js';
import { importFailure } from '../../core/errors/import-failure.js';
import { buildPostAssigner } from '../../core/revision/assign-posting-to-post.js';
import { DemandTally } from '../../core/revision/demand-tally.js';
import {
  deriveRevisionProposals,
  type RevisionCourse,
  type RevisionProposal,
} from '../../core/revision/derive-revision-proposals.js';
import { describeProposal } from '../../core/revision/describe-proposal.js';
import { measureDemandChange, type ChangeOptions } from '../../core/revision/measure-demand-change.js';
import type { LoadedLinker } from '../linker-cache.js';

export interface ReviseFilesInput {
  readonly loaded: LoadedLinker;
  readonly posts: PlanInputFile['posts'];
  readonly plan: PlanFile;
  /** The earlier and the later period: a file's name and its validated lines (streamed). */
  readonly before: PeriodLines;
  readonly after: PeriodLines;
  readonly mode: 'exact' | 'full';
  /** Names known for competency ids (from the posts file or the frameworks). */
  readonly labels: ReadonlyMap<string, { zh: string; en: string }>;
  readonly lang: 'zh' | 'en';
  readonly options?: ChangeOptions;
  /**
   * When given, words of the demand text that no framework term covers are tallied too and those whose share rises
   * significantly are returned as candidate competencies for the catalogue (costs a segmentation per posting).
   */
  readonly segment?: (text: string) => string[];
}

/** A term the frameworks lack whose share of postings rose significantly: a candidate for the catalogue. */
export interface CandidateOutput {
  readonly term: string;
  readonly post: string | null;
  readonly before: { postings: number; share: number };
  readonly after: { postings: number; share: number };
  readonly q: number;
}

export interface PeriodLines {
  readonly file: string;
  readonly lines: AsyncIterable<{ readonly line: number; readonly value: RevisionPostingLine }>;
}

export interface ReviseFilesResult {
  readonly output: ReviseOutput;
  readonly postings: { readonly before: number; readonly after: number };
  readonly unassigned: { readonly before: number; readonly after: number };
  readonly tested: number;
  /** Rising terms the frameworks lack (only when `segment` was given), strongest first, at most 50. */
  readonly candidates: CandidateOutput[];
}

interface Example {
  readonly id: string;
  readonly text: string;
  readonly mention: readonly [number, number];
}

const EXAMPLES_PER_PERIOD = 2;
/** A candidate term needs this many postings in the two periods, and a rise of at least this Cohen's h. */
const CANDIDATE_MIN_MENTIONS = 10;
const CANDIDATE_MIN_EFFECT = 0.1;
const SNIPPET_RADIUS = 40;

/**
 * The yearly revision over two posting files (`zerodock revise`): each posting is linked with the data directory's
 * frameworks (only `linked` competencies count), mapped onto the posts file's ids (a framework id, ESCO URI or key
 * the posts use), given to its post (the line's `post`, else its title or competencies), and tallied per period;
 * then the change statistics and the ranked proposals of core/revision. Both files are read completely and checked
 * before anything is computed: a bad line, an unknown post, an id twice in a file or in both periods stops the run
 * with FILE:LINE:FIELD, and nothing is written.
 */
export async function revisePostingFiles(input: ReviseFilesInput): Promise<ReviseFilesResult> {
  const postIds = new Set(input.posts.map((post) => post.id));
  const competencyIds = new Set(input.posts.flatMap((post) => post.competencies.map((c) => c.id)));
  const assigner = buildPostAssigner(
    input.posts.map((post) => ({
      id: post.id,
      names: [post.label, post.labelEn ?? ''],
      competencies: post.competencies,
    })),
  );
  const entryIds = input.loaded.entries.map((entry) => {
    if (competencyIds.has(entry.id)) return entry.id;
    if (entry.esco && competencyIds.has(entry.esco)) return entry.esco;
    if (competencyIds.has(entry.key)) return entry.key;
    return entry.id;
  });
  const entryLabels = new Map<string, { zh: string; en: string }>();
  input.loaded.entries.forEach((entry, index) => {
    const id = entryIds[index]!;
    if (entryLabels.has(id)) return;
    const zh = entry.labelZh ?? entry.escoLabel ?? entry.labelEn ?? id;
    const en = entry.escoLabel ?? entry.labelEn ?? entry.labelZh ?? id;
    entryLabels.set(id, { zh, en });
  });
  const seen = new Map<string, { file: string; line: number }>();
  const examples = new Map<string, Example[]>();
  const unassigned = { before: 0, after: 0 };
  const termTallies = { before: new DemandTally(), after: new DemandTally() };
  const termNames = new Map<string, string>();

  const tallyOf = async (period: 'before' | 'after', { file, lines }: PeriodLines): Promise<DemandTally> => {
    const tally = new DemandTally();
    for await (const { line, value } of lines) {
      const earlier = seen.get(value.id);
      if (earlier) {
        throw importFailure(
          { file, line, field: 'id' },
          earlier.file === file
            ? `posting "${value.id}" appears twice (first on line ${earlier.line})`
            : `posting "${value.id}" is also in ${earlier.file} line ${earlier.line}: the two periods overlap`,
        );
      }
      seen.set(value.id, { file, line });
      if (value.post !== undefined && !postIds.has(value.post)) {
        throw importFailure(
          { file, line, field: 'post' },
          `"${value.post}" is not a post of the posts file (its posts: ${[...postIds].slice(0, 8).join(', ')})`,
        );
      }
      const text = value.title === undefined ? value.text : `${value.title}\n${value.text}`;
      const found = new Map<string, readonly [number, number]>();
      const links = linkDemand(input.loaded.linker, text, { mode: input.mode, top: 30 });
      for (const link of links) {
        if (!link.linked) continue;
        const id = entryIds[link.entry]!;
        if (!found.has(id)) found.set(id, link.spans[0] ?? [0, 0]);
      }
      const title = value.title ?? value.text.split('\n', 1)[0] ?? '';
      const post = value.post ?? assigner.assign(title, [...found.keys()]);
      if (post === null) unassigned[period] += 1;
      tally.add(post, found.keys());
      if (input.segment) {
        const covered = new Uint8Array(text.length);
        for (const link of links) for (const [start, end] of link.spans) covered.fill(1, start, end);
        const terms = candidateTermsOf(text, input.segment(text), demandMaskOf(text), covered);
        for (const term of terms) if (!termNames.has(term.key)) termNames.set(term.key, term.text);
        termTallies[period].add(
          post,
          terms.map((term) => term.key),
        );
      }
      for (const [competency, span] of found) {
        for (const key of [`${period}\u0000${post ?? ''}\u0000${competency}`, `${period}\u0000\u0000${competency}`]) {
          const list = examples.get(key) ?? [];
          if (list.length >= EXAMPLES_PER_PERIOD) continue;
          list.push(snippet(value.id, text, span));
          examples.set(key, list);
        }
      }
    }
    return tally;
  };

  const before = await tallyOf('before', input.before);
  const after = await tallyOf('after', input.after);
  const report = measureDemandChange(before, after, input.options);
  const courses = planCourses(input.plan);
  const proposals = deriveRevisionProposals(report, input.posts, courses);

  const label = (id: string) => input.labels.get(id) ?? entryLabels.get(id) ?? { zh: id, en: id };
  const postNames = new Map(input.posts.map((post) => [post.id, { zh: post.label, en: post.labelEn ?? post.label }]));
  const courseTitles = new Map(
    [...input.plan.platform, ...input.plan.modules.flatMap((m) => m.courses), ...input.plan.electives].map((c) => [
      c.id,
      { zh: c.title, en: c.title },
    ]),
  );
  const names = {
    competency: label,
    post: (id: string) => postNames.get(id) ?? { zh: id, en: id },
    course: (id: string) => courseTitles.get(id) ?? { zh: id, en: id },
  };
  const round = (value: number) => Number(value.toPrecision(6));
  const changes: RevisionChangeOutput[] = report.changes.map((change) => ({
    competency: change.competency,
    label: label(change.competency)[input.lang],
    post: change.post,
    before: { postings: change.before.postings, share: round(change.before.share) },
    after: { postings: change.after.postings, share: round(change.after.share) },
    direction: change.direction,
    q: change.q,
  }));
  const examplesOf = (post: string | null, competency: string) => ({
    before: examples.get(`before\u0000${post ?? ''}\u0000${competency}`) ?? [],
    after: examples.get(`after\u0000${post ?? ''}\u0000${competency}`) ?? [],
  });
  const output: RevisionProposalOutput[] = proposals.map((proposal) =>
    proposalOutput(proposal, describeProposal(proposal, names), examplesOf),
  );
  const candidates: CandidateOutput[] = input.segment
    ? measureDemandChange(termTallies.before, termTallies.after, {
        ...input.options,
        minMentions: CANDIDATE_MIN_MENTIONS,
        minEffect: CANDIDATE_MIN_EFFECT,
      })
        .changes.filter((change) => change.direction === 'rising')
        .slice(0, 50)
        .map((change) => ({
          term: termNames.get(change.competency) ?? change.competency,
          post: change.post,
          before: { postings: change.before.postings, share: round(change.before.share) },
          after: { postings: change.after.postings, share: round(change.after.share) },
          q: change.q,
        }))
    : [];
  return {
    output: { changes, proposals: output },
    postings: { before: before.total, after: after.total },
    unassigned,
    tested: report.tested,
    candidates,
  };
}

function proposalOutput(
  proposal: RevisionProposal,
  summary: { zh: string; en: string },
  examplesOf: (post: string | null, competency: string) => { before: Example[]; after: Example[] },
): RevisionProposalOutput {
  const { changes, ...rest } = proposal.evidence;
  return {
    rank: proposal.rank,
    kind: proposal.kind,
    post: proposal.post,
    course: proposal.course,
    competencies: [...proposal.competencies],
    evidence: {
      action: proposal.action,
      score: Number(proposal.score.toFixed(4)),
      summary,
      ...rest,
      changes: changes.map((change) => ({
        ...change,
        h: Number(change.h.toFixed(4)),
        examples: examplesOf(change.post, change.competency),
      })),
    },
    impact: { ...proposal.impact },
  };
}

/** The plan's courses as the revision sees them: who takes each (module courses: their posts) and when. */
export function planCourses(plan: PlanFile): RevisionCourse[] {
  const semesterOf = new Map(plan.semesters.flatMap((ids, index) => ids.map((id) => [id, index + 1] as const)));
  const byId = new Map<string, { kind: RevisionCourse['kind']; posts: Set<string>; competencies: string[] }>();
  for (const course of plan.platform)
    byId.set(course.id, { kind: 'platform', posts: new Set(), competencies: course.competencies });
  for (const entry of plan.modules) {
    for (const course of entry.courses) {
      const known = byId.get(course.id) ?? {
        kind: 'module' as const,
        posts: new Set<string>(),
        competencies: course.competencies,
      };
      if (known.kind === 'module') known.posts.add(entry.post);
      byId.set(course.id, known);
    }
  }
  for (const course of plan.electives)
    if (!byId.has(course.id))
      byId.set(course.id, { kind: 'elective', posts: new Set(), competencies: course.competencies });
  return [...byId].map(([id, course]) => ({
    id,
    kind: course.kind,
    posts: [...course.posts].sort(),
    competencies: course.competencies,
    ...(semesterOf.has(id) ? { semester: semesterOf.get(id)! } : {}),
  }));
}

function snippet(id: string, text: string, [start, end]: readonly [number, number]): Example {
  const from = Math.max(0, start - SNIPPET_RADIUS);
  const to = Math.min(text.length, end + SNIPPET_RADIUS);
  return { id, text: text.slice(from, to).replace(/\s+/g, ' '), mention: [start - from, end - from] };
}

/** Checks that a plan file belongs to the posts: every module's post is one of them and every post has a module. */
export function planBelongsToPostsSchema(postIds: ReadonlySet<string>) {
  return z.custom<PlanFile>().superRefine((plan, context) => {
    plan.modules.forEach((entry, index) => {
      if (!postIds.has(entry.post))
        context.addIssue({
          code: 'custom',
          path: ['modules', index, 'post'],
          message: `"${entry.post}" is not a post of the posts file: this plan was made for other posts`,
        });
    });
    const planned = new Set(plan.modules.map((entry) => entry.post));
    const missing = [...postIds].filter((id) => !planned.has(id));
    if (missing.length > 0)
      context.addIssue({
        code: 'custom',
        path: ['modules'],
        message: `the plan has no module for the post(s) ${missing.slice(0, 5).join(', ')} of the posts file`,
      });
  });
}
