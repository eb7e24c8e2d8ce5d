import { randomUUID } from 'node:crypto';
import type {
  CompetencyCreate,
  CompetencyPatch,
  CompetencyQuery,
  FrameworkVersion,
  RequirementsPut,
} from '../contracts/taxonomy.js';
import type { Actor } from '../core/access/actor.js';
import { DomainError } from '../core/errors/domain-error.js';
import { assertVersionEditable, releaseVersion as releasedState } from '../core/taxonomy/framework-lifecycle.js';
import { TermIndex } from '../core/taxonomy/term-index.js';
import {
  blankCompetency,
  type Competency,
  type PostCategory,
  type PostRequirement,
} from '../core/taxonomy/taxonomy-bundle.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { FrameworkVersionRecord } from '../storage/repositories/framework-version.repository.js';
import { competencySearchIndex } from './competency-search-cache.js';
import type { ServiceContext } from './service-context.js';
import { bundleChecksum } from './taxonomy-import-service.js';

export async function listFrameworkVersions(context: ServiceContext): Promise<{ items: FrameworkVersion[] }> {
  const versions = context.store.repositories.frameworkVersions;
  const all = await versions.list();
  const latest = new Set((await versions.latestPerKey()).map((version) => version.id));
  const items: FrameworkVersion[] = [];
  for (const version of all) items.push(await presentVersion(context, version, latest.has(version.id)));
  return { items };
}

export async function getFrameworkVersion(context: ServiceContext, versionId: string): Promise<FrameworkVersion> {
  const version = await requireVersion(context, versionId);
  const latest = (await context.store.repositories.frameworkVersions.latestPerKey()).some((v) => v.id === version.id);
  return presentVersion(context, version, latest);
}

async function presentVersion(
  context: ServiceContext,
  version: FrameworkVersionRecord,
  latest: boolean,
): Promise<FrameworkVersion> {
  const { checksum: _checksum, createdBy: _createdBy, ...rest } = version;
  return { ...rest, latest, counts: await context.store.repositories.frameworkVersions.counts(version.id) };
}

export async function requireVersion(context: ServiceContext, versionId: string): Promise<FrameworkVersionRecord> {
  const version = await context.store.repositories.frameworkVersions.get(versionId);
  if (!version) throw new DomainError('FRAMEWORK_NOT_FOUND', 'No such framework version', { versionId });
  return version;
}

/**
 * Inside the writing transaction: locks the version row, then checks that it is a draft. Checking before the
 * transaction would let a release slip in between the check and the write.
 */
async function lockDraft(repositories: Repositories, versionId: string): Promise<FrameworkVersionRecord> {
  const version = await repositories.frameworkVersions.lock(versionId);
  if (!version) throw new DomainError('FRAMEWORK_NOT_FOUND', 'No such framework version', { versionId });
  assertVersionEditable(version);
  return version;
}

/** Search labels and aliases in both languages (exact, prefix, substring, then typo-tolerant), or list in id order. */
export async function searchCompetencies(context: ServiceContext, versionId: string, query: CompetencyQuery) {
  const version = await requireVersion(context, versionId);
  const { rows, byId, index } = await competencySearchIndex(
    context,
    versionId,
    `${version.updatedAt}|${version.checksum}`,
  );
  const accept = (row: { type: string; dimension: string | null; isGroup: boolean }) =>
    (query.type === undefined || row.type === query.type) &&
    (query.dimension === undefined || row.dimension === query.dimension) &&
    (query.groups === 'include' || (query.groups === 'only') === row.isGroup);
  const present = (row: (typeof rows)[number], matched: string | null, score: number | null) => ({
    id: row.id,
    type: row.type,
    dimension: row.dimension,
    isGroup: row.isGroup,
    labelZh: row.labelZh,
    labelEn: row.labelEn,
    escoUri: row.escoUri,
    matched,
    score: score === null ? null : Math.round(score * 1000) / 1000,
  });
  if (query.q) {
    const hits = index.search(query.q, { accept: (id) => accept(byId.get(id)!) });
    return {
      items: hits
        .slice(query.offset, query.offset + query.limit)
        .map((hit) => present(byId.get(hit.id)!, hit.matched, hit.score)),
      total: hits.length,
      limit: query.limit,
      offset: query.offset,
    };
  }
  const filtered = rows.filter(accept);
  return {
    items: filtered.slice(query.offset, query.offset + query.limit).map((row) => present(row, null, null)),
    total: filtered.length,
    limit: query.limit,
    offset: query.offset,
  };
}

export async function getCompetencyDetail(context: ServiceContext, versionId: string, competencyId: string) {
  await requireVersion(context, versionId);
  const taxonomy = context.store.repositories.taxonomy;
  const competency = await taxonomy.competency(versionId, competencyId);
  if (!competency)
    throw new DomainError('COMPETENCY_NOT_FOUND', 'No such competency in this version', { competencyId });
  const neighbours = await taxonomy.neighbours(versionId, competencyId);
  return {
    ...competency,
    ...neighbours,
    posts: await taxonomy.postsRequiring(versionId, competencyId),
    occupations: await taxonomy.occupationsLinking(versionId, competencyId, 50),
  };
}

function snapshot(competency: Competency) {
  const {
    id: _id,
    isGroup: _isGroup,
    caseGuid: _caseGuid,
    onetElementId: _onet,
    previousIds: _previous,
    ...rest
  } = competency;
  return rest;
}

/** Adds a competency to a draft version (checked: unique id, existing broader), recording it with the reason. */
export async function createCompetency(
  context: ServiceContext,
  actor: Actor,
  versionId: string,
  input: CompetencyCreate,
) {
  return context.store.transaction(async (repositories) => {
    await lockDraft(repositories, versionId);
    if (await repositories.taxonomy.competency(versionId, input.id)) {
      throw new DomainError('COMPETENCY_ID_TAKEN', `Competency ${input.id} exists already in this version`, {
        field: 'id',
      });
    }
    if (input.broader !== null && !(await repositories.taxonomy.competency(versionId, input.broader))) {
      throw new DomainError('UNKNOWN_REFERENCE', `Unknown broader competency ${input.broader}`, { field: 'broader' });
    }
    const { reason, broader, ...fields } = input;
    const competency: Competency = { ...blankCompetency(input.id, input.type), ...fields };
    await repositories.taxonomy.insertCompetency(versionId, competency, broader);
    const now = context.clock();
    await repositories.taxonomy.recordEdit({
      versionId,
      entity: 'competency',
      entityId: competency.id,
      action: 'create',
      before: null,
      after: { ...snapshot(competency), broader },
      reason,
      personId: actor.personId,
      now,
    });
    // Edited content no longer equals any file: a later import of the same label replaces it.
    await repositories.frameworkVersions.touch(versionId, now, `edited:${randomUUID()}`);
    return competency;
  });
}

/** Edits one competency of a draft version, recording before/after and the reason. */
export async function patchCompetency(
  context: ServiceContext,
  actor: Actor,
  versionId: string,
  competencyId: string,
  patch: CompetencyPatch,
) {
  return context.store.transaction(async (repositories) => {
    await lockDraft(repositories, versionId);
    const before = await repositories.taxonomy.competency(versionId, competencyId);
    if (!before) throw new DomainError('COMPETENCY_NOT_FOUND', 'No such competency in this version', { competencyId });
    const { reason, ...changes } = patch;
    const after: Competency = { ...before };
    for (const [key, value] of Object.entries(changes) as [keyof typeof changes, unknown][]) {
      if (value !== undefined) (after as unknown as Record<string, unknown>)[key] = value;
    }
    if (!after.labelZh && !after.labelEn) {
      throw new DomainError('VALIDATION_FAILED', 'A competency needs a Chinese or an English label', {
        field: 'labelZh',
      });
    }
    await repositories.taxonomy.updateCompetency(versionId, after);
    const now = context.clock();
    await repositories.taxonomy.recordEdit({
      versionId,
      entity: 'competency',
      entityId: competencyId,
      action: 'update',
      before: snapshot(before),
      after: snapshot(after),
      reason,
      personId: actor.personId,
      now,
    });
    // Edited content no longer equals any file: a later import of the same label replaces it.
    await repositories.frameworkVersions.touch(versionId, now, `edited:${randomUUID()}`);
    return after;
  });
}

export async function entityHistory(
  context: ServiceContext,
  versionId: string,
  entity: 'competency' | 'post',
  entityId: string,
) {
  const version = await requireVersion(context, versionId);
  return { items: await context.store.repositories.taxonomy.edits(version.key, entity, entityId) };
}

/** Posts of a version; with `q`, ranked by the same fuzzy zh/en matching as competencies (titles, aliases, sub-sector). */
export async function listPosts(
  context: ServiceContext,
  versionId: string,
  filter: { q?: string | undefined; category?: PostCategory | undefined },
) {
  await requireVersion(context, versionId);
  const posts = (await context.store.repositories.taxonomy.posts(versionId)).filter(
    (post) => filter.category === undefined || post.category === filter.category,
  );
  let ranked = posts;
  if (filter.q) {
    const index = new TermIndex(
      posts.map((post) => ({
        id: post.id,
        terms: [
          { text: post.titleZh, language: 'zh' as const, kind: 'label' as const },
          { text: post.titleEn, language: 'en' as const, kind: 'label' as const },
          ...post.aliasesZh.map((text) => ({ text, language: 'zh' as const, kind: 'alias' as const })),
          ...post.aliasesEn.map((text) => ({ text, language: 'en' as const, kind: 'alias' as const })),
          { text: post.subSectorZh, language: 'zh' as const, kind: 'alias' as const },
          { text: post.subSectorEn, language: 'en' as const, kind: 'alias' as const },
          { text: post.id, language: 'en' as const, kind: 'alias' as const },
        ],
      })),
    );
    const byId = new Map(posts.map((post) => [post.id, post]));
    ranked = index.search(filter.q).map((hit) => byId.get(hit.id)!);
  }
  const items = ranked.map(
    ({ scenes: _scenes, references: _references, descriptionZh: _dz, descriptionEn: _de, ...summary }) => summary,
  );
  return { items };
}

export async function getPostDetail(context: ServiceContext, versionId: string, postId: string) {
  await requireVersion(context, versionId);
  const taxonomy = context.store.repositories.taxonomy;
  const post = (await taxonomy.posts(versionId)).find((candidate) => candidate.id === postId);
  if (!post) throw new DomainError('POST_NOT_FOUND', 'No such post in this version', { postId });
  const requirements = await taxonomy.requirements(versionId, postId);
  const bundleLevels = (await context.store.repositories.frameworkVersions.loadLevels(versionId)) ?? [];
  const versions = new Map(
    (await context.store.repositories.frameworkVersions.list()).map((version) => [version.id, version]),
  );
  const references = [];
  const schemes = [
    ['esco', post.references.escoOccupations],
    ['isco', post.references.isco],
    ['onet', post.references.onetSoc],
    ['cn2022', post.references.cn2022],
  ] as const;
  for (const [scheme, refs] of schemes) {
    const found = await taxonomy.occupationsByReference(scheme, refs);
    for (const ref of refs) {
      const match = found.find((row) => row.uri === ref || row.code === ref);
      references.push({
        scheme,
        ref,
        titleZh: match?.titleZh ?? null,
        titleEn: match?.titleEn ?? null,
        versionLabel: match ? (versions.get(match.versionId)?.label ?? null) : null,
      });
    }
  }
  return {
    ...post,
    requirements: requirements.map(({ postId: _postId, ...row }) => row),
    levels: bundleLevels,
    references,
  };
}

/** Replaces the requirements of one post in a draft version, checking every reference. */
export async function putPostRequirements(
  context: ServiceContext,
  actor: Actor,
  versionId: string,
  postId: string,
  body: RequirementsPut,
) {
  return context.store.transaction(async (repositories) => {
    await lockDraft(repositories, versionId);
    const posts = await repositories.taxonomy.posts(versionId);
    if (!posts.some((post) => post.id === postId))
      throw new DomainError('POST_NOT_FOUND', 'No such post in this version', { postId });
    const known = new Set((await repositories.taxonomy.competencyTerms(versionId)).map((row) => row.id));
    const levels = new Set(
      ((await repositories.frameworkVersions.loadLevels(versionId)) ?? []).map((level) => level.level),
    );
    const seen = new Set<string>();
    body.requirements.forEach((requirement, index) => {
      if (!known.has(requirement.competencyId)) {
        throw new DomainError('UNKNOWN_REFERENCE', `Unknown competency ${requirement.competencyId}`, {
          field: `requirements[${index}].competencyId`,
        });
      }
      if (seen.has(requirement.competencyId)) {
        throw new DomainError('VALIDATION_FAILED', `Competency ${requirement.competencyId} is listed twice`, {
          field: `requirements[${index}].competencyId`,
        });
      }
      seen.add(requirement.competencyId);
      if (levels.size > 0 && !levels.has(requirement.level)) {
        throw new DomainError('VALIDATION_FAILED', `Level ${requirement.level} is not on this framework’s scale`, {
          field: `requirements[${index}].level`,
        });
      }
    });
    const before = (await repositories.taxonomy.requirements(versionId, postId)).map(
      ({ competencyId, essential, weight, level }) => ({
        competencyId,
        essential,
        weight,
        level,
      }),
    );
    const next: PostRequirement[] = body.requirements.map((requirement) => ({ postId, ...requirement }));
    await repositories.taxonomy.replaceRequirements(versionId, postId, next);
    const now = context.clock();
    await repositories.taxonomy.recordEdit({
      versionId,
      entity: 'post',
      entityId: postId,
      action: 'update',
      before: { requirements: before },
      after: { requirements: body.requirements },
      reason: body.reason,
      personId: actor.personId,
      now,
    });
    // Edited content no longer equals any file: a later import of the same label replaces it.
    await repositories.frameworkVersions.touch(versionId, now, `edited:${randomUUID()}`);
    return { requirements: body.requirements.length };
  });
}

/** A new draft version copied from an existing one (released or not), to edit and later release. */
export async function deriveDraft(
  context: ServiceContext,
  actor: Actor | null,
  versionId: string,
  request: { label: string; releaseNotes: string },
) {
  const source = await requireVersion(context, versionId);
  const versionIdOut = await context.store.transaction(async (repositories) => {
    if (await repositories.frameworkVersions.find(source.key, request.label)) {
      throw new DomainError('VERSION_LABEL_TAKEN', `Version ${source.key} ${request.label} exists already`, {
        field: 'label',
      });
    }
    const bundle = await repositories.frameworkVersions.loadBundle(source.id);
    bundle.framework = { ...bundle.framework, label: request.label, releaseNotes: request.releaseNotes };
    const now = context.clock();
    const id = await repositories.frameworkVersions.create(bundle.framework, {
      checksum: bundleChecksum(bundle),
      createdBy: actor?.personId ?? null,
      derivedFrom: source.id,
      released: false,
      now,
    });
    await repositories.frameworkVersions.insertContent(id, bundle);
    await repositories.taxonomy.recordEdit({
      versionId: id,
      entity: 'version',
      entityId: id,
      action: 'derive',
      before: { label: source.label },
      after: { label: request.label },
      reason: request.releaseNotes,
      personId: actor?.personId ?? null,
      now,
    });
    return id;
  });
  return getFrameworkVersion(context, versionIdOut);
}

export async function releaseVersion(
  context: ServiceContext,
  actor: Actor | null,
  versionId: string,
  request: { releaseNotes?: string | undefined },
) {
  if (actor) await assertNotAuthor(context, actor, versionId);
  await context.store.transaction(async (repositories) => {
    const version = await lockDraft(repositories, versionId);
    const now = context.clock();
    const released = releasedState(version, now);
    if (request.releaseNotes !== undefined) {
      const bundle = await repositories.frameworkVersions.loadBundle(versionId);
      const header = { ...bundle.framework, releaseNotes: request.releaseNotes };
      await repositories.frameworkVersions.updateHeader(
        versionId,
        header,
        bundleChecksum({ ...bundle, framework: header }),
        now,
      );
    }
    await repositories.frameworkVersions.markReleased(versionId, released.releasedAt);
    await repositories.taxonomy.recordEdit({
      versionId,
      entity: 'version',
      entityId: versionId,
      action: 'release',
      before: { released: false },
      after: { released: true, label: version.label },
      reason: request.releaseNotes ?? version.releaseNotes,
      personId: actor?.personId ?? null,
      now,
    });
  });
  return getFrameworkVersion(context, versionId);
}

/**
 * Separation of duties: releasing is a decision, and nobody releases a version they created or edited (a platform
 * admin's draft is released by the steering committee or another admin). Refusals are recorded.
 */
async function assertNotAuthor(context: ServiceContext, actor: Actor, versionId: string): Promise<void> {
  const authors = await context.store.repositories.taxonomy.authorsOf(versionId);
  if (!authors.includes(actor.personId)) return;
  await context.store.repositories.auditEvents.record({
    occurredAt: context.clock(),
    action: 'access.denied',
    actorPersonId: actor.personId,
    actorEmail: actor.email,
    details: { refused: 'CONFLICT_OF_INTEREST', versionId, action: 'release' },
  });
  throw new DomainError(
    'CONFLICT_OF_INTEREST',
    'You created or edited this draft: someone else (another platform admin or the steering committee) releases it.',
    { versionId, reason: 'author' },
  );
}

export async function listOccupations(
  context: ServiceContext,
  versionId: string,
  query: { q?: string | undefined; scheme?: string | undefined; limit: number; offset: number },
) {
  await requireVersion(context, versionId);
  const page = await context.store.repositories.taxonomy.occupations(versionId, query);
  return {
    items: page.items.map(({ versionId: _v, broaderId: _b, ...row }) => ({ ...row, scheme: row.scheme as 'esco' })),
    total: page.total,
    limit: query.limit,
    offset: query.offset,
  };
}

export async function listSpecialties(
  context: ServiceContext,
  versionId: string,
  query: {
    q?: string | undefined;
    educationLevel?: string | undefined;
    level?: string | undefined;
    limit: number;
    offset: number;
  },
) {
  await requireVersion(context, versionId);
  const page = await context.store.repositories.taxonomy.specialties(versionId, query);
  return {
    items: page.items.map((row) => ({
      ...row,
      educationLevel: row.educationLevel as 'higher',
      level: row.level as 'major',
    })),
    total: page.total,
    limit: query.limit,
    offset: query.offset,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A version named on the command line: its UUID, `key@label`, or `key` (the newest version of that framework). */
export async function resolveVersionRef(context: ServiceContext, ref: string): Promise<FrameworkVersionRecord> {
  const versions = context.store.repositories.frameworkVersions;
  if (UUID.test(ref)) return requireVersion(context, ref);
  const at = ref.indexOf('@');
  const found =
    at >= 0
      ? await versions.find(ref.slice(0, at), ref.slice(at + 1))
      : ((await versions.latestPerKey()).find((version) => version.key === ref) ?? null);
  if (!found) {
    const known = (await versions.list()).map((version) => `${version.key}@${version.label}`);
    throw new DomainError(
      'FRAMEWORK_NOT_FOUND',
      `No framework version "${ref}" (known: ${known.join(', ') || 'none'})`,
      { ref },
    );
  }
  return found;
}
