import type {
  CompetencyTrend,
  DemandOverview,
  LinkedCompetencyDto,
  LinkTextResult,
  PostDemandProfile,
  PostingDetail,
  PostingImport,
  PostingQuery,
  PostingSummary,
  TrendQuery,
  TrendReport,
} from '../contracts/demand.js';
import { competencyTrends, type CompetencyTrendFigure } from '../core/demand/competency-trends.js';
import { linkDemand } from '../core/demand/link-demand.js';
import { classifyPosting } from '../core/demand/post-classifier.js';
import type { Actor } from '../core/access/actor.js';
import { mayDeleteImport } from '../core/access/import-ownership.js';
import { DomainError } from '../core/errors/domain-error.js';
import type { PostingImportRow, PostingRow } from '../storage/repositories/demand.repository.js';
import { CURATED_FRAMEWORK_KEY, loadLinker, type LoadedLinker } from './linker-cache.js';
import { linkedTextOf } from './posting-import-service.js';
import type { ServiceContext } from './service-context.js';

/** Links any text (a posting, a course description, a resource) and guesses its post: the explanation playground. */
export async function linkTextForApi(
  context: ServiceContext,
  request: { text: string; mode: 'exact' | 'full'; top: number },
): Promise<LinkTextResult> {
  const loaded = await loadLinker(context);
  const linked = linkDemand(loaded.linker, request.text, { mode: request.mode, top: request.top });
  const competencies = linked.map((link): LinkedCompetencyDto => {
    const entry = loaded.entries[link.entry]!;
    return {
      key: entry.key,
      id: entry.id,
      esco: entry.esco,
      labelZh: entry.labelZh,
      labelEn: entry.labelEn ?? entry.escoLabel,
      score: link.score,
      evidence: link.evidence,
      spans: link.spans.map(([start, end]) => [start, end]),
      linked: link.linked,
    };
  });
  const firstLine = request.text.split('\n', 1)[0] ?? '';
  const guess = classifyPosting(
    loaded.classifier,
    firstLine,
    competencies
      .filter((competency) => competency.linked)
      .map((competency) => ({ key: competency.key, score: competency.score })),
  );
  const post = guess ? loaded.posts.get(guess.postId) : undefined;
  return {
    competencies,
    post:
      guess && post
        ? {
            postId: guess.postId,
            titleZh: post.titleZh,
            titleEn: post.titleEn,
            confidence: guess.confidence,
            decidedBy: [...guess.decidedBy],
          }
        : null,
    dictionary: {
      entries: loaded.entries.length,
      frameworks: [...loaded.frameworks],
      frameworkNames: [...loaded.frameworkNames],
    },
  };
}

// ---- imports -------------------------------------------------------------------------------------------------

export function postingImportDto(row: PostingImportRow): PostingImport {
  return {
    id: row.id,
    fileName: row.fileName,
    checksum: row.checksum,
    status: row.status,
    failure: row.failure,
    records: row.records,
    processed: row.processed,
    stored: row.stored,
    duplicates: row.duplicates,
    linkMode: row.linkMode,
    createdAt: row.createdAt,
    finishedAt: row.finishedAt,
    organisationId: row.organisationId,
  };
}

export async function listPostingImports(context: ServiceContext): Promise<{ items: PostingImport[] }> {
  return { items: (await context.store.repositories.demand.listImports()).map(postingImportDto) };
}

/**
 * Deletes an import with its postings and counts: the platform any, a city office only its own (an import is
 * shared labour-market data; one office must not erase another's).
 */
export async function deletePostingImport(context: ServiceContext, actor: Actor, importId: string): Promise<void> {
  const repositories = context.store.repositories;
  const found = await repositories.demand.findImport(importId);
  if (!found) throw new DomainError('POSTING_IMPORT_NOT_FOUND', 'No posting import has this id.', { importId });
  if (!mayDeleteImport(actor, found.organisationId)) {
    await repositories.auditEvents.record({
      occurredAt: context.clock(),
      action: 'access.denied',
      actorPersonId: actor.personId,
      actorEmail: actor.email,
      organisationId: found.organisationId,
      details: { refused: 'IMPORT_NOT_OWNED', importId },
    });
    throw new DomainError(
      'IMPORT_NOT_OWNED',
      'Only the organisation that made this import (or the platform) may delete it.',
      {
        importId,
      },
    );
  }
  const deleted = await repositories.demand.deleteImport(importId);
  if (!deleted) throw new DomainError('POSTING_IMPORT_NOT_FOUND', 'No posting import has this id.', { importId });
}

// ---- postings ------------------------------------------------------------------------------------------------

function summaryOf(row: PostingRow): PostingSummary {
  return {
    id: row.id,
    sourceId: row.sourceId,
    title: row.title,
    enterprise: row.enterprise,
    province: row.province,
    city: row.city,
    postedOn: row.postedOn,
    postId: row.postId,
    postConfidence: row.postConfidence,
    competencyCount: row.competencyCount,
  };
}

export async function listPostings(
  context: ServiceContext,
  query: PostingQuery,
): Promise<{ items: PostingSummary[]; total: number; limit: number; offset: number }> {
  const { limit, offset, ...filter } = query;
  const page = await context.store.repositories.demand.listPostings(filter, { limit, offset });
  return { items: page.items.map(summaryOf), total: page.total, limit, offset };
}

export async function getPosting(context: ServiceContext, postingId: string): Promise<PostingDetail> {
  const row = await context.store.repositories.demand.findPosting(postingId);
  if (!row) throw new DomainError('POSTING_NOT_FOUND', 'No posting has this id.', { postingId });
  const loaded = await loadLinker(context);
  const post = row.postId ? loaded.posts.get(row.postId) : undefined;
  return {
    ...summaryOf(row),
    text: row.body,
    importId: row.importId,
    linkedText: linkedTextOf(row.title, row.body),
    competencies: row.links.map(([key, score, evidence, flat]) => {
      const labels = labelsOf(loaded, key);
      const index = loaded.byKey.get(key);
      const entry = index === undefined ? undefined : loaded.entries[index];
      const spans: [number, number][] = [];
      for (let i = 0; i + 1 < flat.length; i += 2) spans.push([flat[i]!, flat[i + 1]!]);
      return {
        key,
        id: entry?.id ?? key.slice(key.indexOf(':') + 1),
        esco: entry?.esco ?? null,
        labelZh: labels.labelZh,
        labelEn: labels.labelEn,
        score,
        evidence: evidence === 'e' ? 'exact' : 'implicit',
        spans,
        // A stored posting keeps only the links the linker decided.
        linked: true,
      };
    }),
    postTitleZh: post?.titleZh ?? null,
    postTitleEn: post?.titleEn ?? null,
  };
}

// ---- aggregates ------------------------------------------------------------------------------------------------

/** zh/en labels of a competency key; the key itself when the dictionary no longer has it (shown, never hidden). */
function labelsOf(loaded: LoadedLinker, key: string): { labelZh: string; labelEn: string } {
  const index = loaded.byKey.get(key);
  const entry = index === undefined ? undefined : loaded.entries[index];
  const en = entry?.labelEn ?? entry?.escoLabel ?? null;
  return { labelZh: entry?.labelZh ?? en ?? key, labelEn: en ?? entry?.labelZh ?? key };
}

function postLabels(loaded: LoadedLinker, postId: string): { labelZh: string; labelEn: string } {
  if (postId === '') return { labelZh: '（未归类）', labelEn: '(unclassified)' };
  const post = loaded.posts.get(postId);
  return { labelZh: post?.titleZh ?? postId, labelEn: post?.titleEn ?? postId };
}

export async function demandOverview(
  context: ServiceContext,
  slice: { province?: string | undefined; post?: string | undefined },
): Promise<DemandOverview> {
  const demand = context.store.repositories.demand;
  const loaded = await loadLinker(context);
  const years = await demand.countsBy('year', slice);
  const postings = years.reduce((sum, row) => sum + row.count, 0);
  const byPost = await demand.countsBy('post_id', slice);
  const byProvince = await demand.countsBy('province', slice);
  const competencies = (await demand.countsBy('competency_key', { ...slice, competencyKeys: 'competencies' })).slice(
    0,
    30,
  );
  const { duplicates, imports } = await demand.duplicatesDropped();
  const declared = await context.store.repositories.declarations.summary(slice);
  return {
    postings,
    enterprises: await demand.enterpriseCount(slice),
    duplicatesDropped: duplicates,
    imports,
    years: years.map((row) => ({ year: Number(row.key), postings: row.count })).sort((a, b) => a.year - b.year),
    byPost: byPost.map((row) => ({ key: row.key, ...postLabels(loaded, row.key), count: row.count })),
    byProvince: byProvince.map((row) => ({
      key: row.key,
      labelZh: row.key || '（未注明）',
      labelEn: row.key || '(not given)',
      count: row.count,
    })),
    topCompetencies: competencies.map((row) => ({
      key: row.key,
      ...labelsOf(loaded, row.key),
      count: row.count,
      share: postings > 0 ? row.count / postings : 0,
    })),
    declaredHeadcount: declared.reduce((sum, row) => sum + row.headcount, 0),
  };
}

export async function demandTrends(context: ServiceContext, query: TrendQuery): Promise<TrendReport> {
  const demand = context.store.repositories.demand;
  const slice = { province: query.province, post: query.post };
  const inRange = (year: number) =>
    (query.from === undefined || year >= query.from) && (query.to === undefined || year <= query.to);
  const yearRows = (await demand.countsBy('year', slice))
    .map((row) => ({ year: Number(row.key), count: row.count }))
    .filter((row) => inRange(row.year))
    .sort((a, b) => a.year - b.year);
  const years = yearRows.map((row) => row.year);
  const totals = yearRows.map((row) => row.count);
  const position = new Map(years.map((year, index) => [year, index]));
  const byKey = new Map<string, number[]>();
  for (const row of await demand.competencyYearCounts(slice)) {
    const index = position.get(row.year);
    if (index === undefined) continue;
    const counts = byKey.get(row.key) ?? new Array<number>(years.length).fill(0);
    counts[index] = row.count;
    byKey.set(row.key, counts);
  }
  const report = competencyTrends(
    years,
    totals,
    [...byKey.entries()].map(([key, counts]) => ({ key, counts })),
    { fdr: query.fdr, minPostings: query.minPostings, limit: query.limit },
  );
  const loaded = await loadLinker(context);
  const dto = (figure: CompetencyTrendFigure): CompetencyTrend => ({
    ...figure,
    ...labelsOf(loaded, figure.key),
    counts: [...figure.counts],
    shares: [...figure.shares],
  });
  return {
    years,
    totals,
    tested: report.tested,
    fdr: query.fdr,
    rising: report.rising.map(dto),
    falling: report.falling.map(dto),
  };
}

export async function postDemandProfile(
  context: ServiceContext,
  postId: string,
  province?: string,
): Promise<PostDemandProfile> {
  const loaded = await loadLinker(context);
  const post = loaded.posts.get(postId);
  if (!post) throw new DomainError('POST_NOT_FOUND', 'The curated framework has no post with this id.', { postId });
  const demand = context.store.repositories.demand;
  const slice = { post: postId, province };
  const years = await demand.countsBy('year', slice);
  const declared = await context.store.repositories.declarations.summary({ post: postId, province });
  const allYears = [...new Set([...years.map((row) => Number(row.key)), ...declared.map((row) => row.year)])].sort();
  const total = years.reduce((sum, row) => sum + row.count, 0);
  const requirements = new Map(
    loaded.requirements
      .filter((requirement) => requirement.postId === postId)
      .map((requirement) => [`${CURATED_FRAMEWORK_KEY}:${requirement.competencyId}`, requirement]),
  );
  const demanded = await demand.countsBy('competency_key', { ...slice, competencyKeys: 'competencies' });
  const mentioned = new Set(demanded.map((row) => row.key));
  return {
    postId,
    titleZh: post.titleZh,
    titleEn: post.titleEn,
    years: allYears.map((year) => ({
      year,
      postings: years.find((row) => Number(row.key) === year)?.count ?? 0,
      declared: declared.filter((row) => row.year === year).reduce((sum, row) => sum + row.headcount, 0),
    })),
    enterprises: await demand.enterpriseCount(slice),
    provinces: (await demand.countsBy('province', slice)).map((row) => ({
      key: row.key,
      labelZh: row.key || '（未注明）',
      labelEn: row.key || '(not given)',
      count: row.count,
    })),
    competencies: demanded.slice(0, 60).map((row) => ({
      key: row.key,
      ...labelsOf(loaded, row.key),
      count: row.count,
      share: total > 0 ? row.count / total : 0,
      required: requirements.has(row.key),
      essential: requirements.get(row.key)?.essential ?? false,
    })),
    unmentionedRequirements: [...requirements.keys()]
      .filter((key) => !mentioned.has(key))
      .map((key) => ({ key, ...labelsOf(loaded, key) })),
  };
}
