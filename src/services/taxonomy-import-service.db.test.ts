import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDomainError } from '../core/errors/domain-error.js';
import { buildTestBundle } from '../interchange/test-bundle.js';
import type { DatabaseHandle } from '../storage/create-database.js';
import { createStore } from '../storage/repositories/create-repositories.js';
import { openTestDatabase, testBackend } from '../storage/test-database.js';
import { createPerson } from '../storage/test-factories.js';
import type { Actor } from '../core/access/actor.js';
import { argon2PasswordHasher } from './argon2-password-hasher.js';
import type { ServiceContext } from './service-context.js';
import { diffVersions } from './taxonomy-diff-service.js';
import { importTaxonomyBundle } from './taxonomy-import-service.js';
import {
  deriveDraft,
  patchCompetency,
  putPostRequirements,
  releaseVersion,
  searchCompetencies,
} from './taxonomy-service.js';

let database: DatabaseHandle;
let context: ServiceContext;
let actor: Actor;

beforeAll(async () => {
  database = await openTestDatabase();
  context = { store: createStore(database.db), clock: () => new Date(), passwords: argon2PasswordHasher };
  const person = await createPerson(context.store.repositories);
  actor = { personId: person.id, email: person.email ?? person.id, activeOrganisationId: null, memberships: [] };
});
afterAll(async () => {
  await database?.close();
});

/** Row counts of every taxonomy table plus a digest of their content: "exactly as before" made checkable. */
async function fingerprint(): Promise<string> {
  const tables = [
    'framework_versions',
    'proficiency_levels',
    'competencies',
    'competency_relations',
    'reference_occupations',
    'occupation_competencies',
    'posts',
    'post_requirements',
    'specialties',
    'taxonomy_edits',
  ];
  const parts: string[] = [];
  for (const table of tables) {
    const row = await sql<{ n: number; digest: string | null }>`select count(*)::int as n,
      md5(string_agg(t::text, '|' order by t::text)) as digest from ${sql.table(table)} t`.execute(database.db);
    parts.push(`${table}:${row.rows[0]!.n}:${row.rows[0]!.digest ?? '-'}`);
  }
  return parts.join('\n');
}

describe(`taxonomy import and editing on ${testBackend()}`, () => {
  let versionId: string;

  it('imports a bundle as a released version and reads it back unchanged', async () => {
    const bundle = buildTestBundle();
    const result = await importTaxonomyBundle(context, bundle);
    versionId = result.versionId;
    expect(result.status).toBe('created');
    // Curated catalogues and official releases are released on import; CASE and XLSX files arrive as drafts.
    expect(result.released).toBe(bundle.framework.source !== 'case' && bundle.framework.source !== 'xlsx');
    const loaded = await context.store.repositories.frameworkVersions.loadBundle(versionId);
    const sortBy = <T>(items: T[], key: (item: T) => string) => [...items].sort((a, b) => key(a).localeCompare(key(b)));
    expect(sortBy(loaded.competencies, (c) => c.id)).toEqual(sortBy(bundle.competencies, (c) => c.id));
    expect(sortBy(loaded.requirements, (r) => r.postId + r.competencyId)).toEqual(
      sortBy(bundle.requirements, (r) => r.postId + r.competencyId),
    );
    expect(sortBy(loaded.posts, (p) => p.id)).toEqual(sortBy(bundle.posts, (p) => p.id));
    expect(loaded.levels).toEqual(bundle.levels);
    expect(result.counts.competencies).toBe(bundle.competencies.filter((c) => !c.isGroup).length);
  });

  it('is idempotent: the same bundle again changes nothing', async () => {
    const before = await fingerprint();
    const result = await importTaxonomyBundle(context, buildTestBundle());
    expect(result.status).toBe('unchanged');
    expect(await fingerprint()).toBe(before);
  });

  it('never changes a released version: other content under the same label is refused', async () => {
    const before = await fingerprint();
    const bundle = buildTestBundle();
    bundle.competencies[0] = { ...bundle.competencies[0]!, labelZh: '改过的标签' };
    const error = await importTaxonomyBundle(context, bundle).catch((caught: unknown) => caught);
    expect(isDomainError(error) && error.code).toBe('VERSION_RELEASED');
    expect(await fingerprint()).toBe(before);
  });

  it('replaces the content of a draft version (a re-imported workbook) in place', async () => {
    const draft = buildTestBundle();
    draft.framework = { ...draft.framework, source: 'xlsx', key: 'workbook', label: 'draft' };
    const first = await importTaxonomyBundle(context, draft);
    expect(first).toMatchObject({ status: 'created', released: false });
    // Without a scale of its own a version gets the default 1–5 scale.
    const bare = { ...draft, levels: [] };
    bare.competencies = draft.competencies.map((competency, index) =>
      index === 0 ? { ...competency, labelZh: '改过的标签' } : competency,
    );
    const second = await importTaxonomyBundle(context, bare);
    expect(second).toMatchObject({ status: 'replaced', versionId: first.versionId });
    const stored = await context.store.repositories.frameworkVersions.loadBundle(first.versionId);
    expect(stored.competencies.find((competency) => competency.id === draft.competencies[0]!.id)?.labelZh).toBe(
      '改过的标签',
    );
    expect(stored.levels.map((level) => level.level)).toEqual([1, 2, 3, 4, 5]);
  });

  it('rejects a bundle with a dangling reference and leaves the database exactly as it was', async () => {
    const before = await fingerprint();
    const bundle = buildTestBundle();
    bundle.framework.label = 'broken';
    bundle.requirements.push({
      postId: bundle.posts[0]!.id,
      competencyId: 'no-such-competency',
      essential: true,
      weight: 1,
      level: 3,
    });
    const error = await importTaxonomyBundle(context, bundle).catch((caught: unknown) => caught);
    expect(isDomainError(error) && error.code).toBe('IMPORT_FAILED');
    expect(String((error as Error).message)).toMatch(/no-such-competency/);
    expect(await fingerprint()).toBe(before);
  });

  it('rolls back a failure in the middle of writing (a database constraint), leaving nothing behind', async () => {
    const before = await fingerprint();
    const bundle = buildTestBundle();
    bundle.framework.label = 'half';
    // Passes validation but violates the table's check constraint when the requirements are written last.
    bundle.competencies.push({ ...bundle.competencies[0]!, id: 'bad-type', type: 'feeling' as 'skill' });
    const error = await importTaxonomyBundle(context, bundle).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect(await fingerprint()).toBe(before);
  });

  it('derives a draft, edits it with history, releases it, and then refuses edits', async () => {
    const draft = await deriveDraft(context, null, versionId, { label: 'draft-1', releaseNotes: 'edit test' });
    expect(draft).toMatchObject({ released: false, derivedFrom: versionId });
    const competency = buildTestBundle().competencies.find((c) => !c.isGroup)!;
    await patchCompetency(context, actor, draft.id, competency.id, {
      labelZh: '新标签',
      aliasesZh: ['别名甲'],
      reason: '委员会意见',
    });
    const search = await searchCompetencies(context, draft.id, {
      q: '别名甲',
      limit: 10,
      offset: 0,
      groups: 'exclude',
    });
    expect(search.items[0]).toMatchObject({ id: competency.id, labelZh: '新标签', matched: '别名甲' });
    const post = buildTestBundle().posts[0]!;
    const unknown = await putPostRequirements(context, actor, draft.id, post.id, {
      requirements: [{ competencyId: 'nope', essential: true, weight: 1, level: 3 }],
      reason: 'x',
    }).catch((caught: unknown) => caught);
    expect(isDomainError(unknown) && unknown.code).toBe('UNKNOWN_REFERENCE');
    await putPostRequirements(context, actor, draft.id, post.id, {
      requirements: [{ competencyId: competency.id, essential: true, weight: 0.9, level: 3 }],
      reason: '只保留核心',
    });
    const { diff } = await diffVersions(context, versionId, draft.id);
    expect(diff.counts.relabelled).toBe(1);
    expect(diff.counts.postsChanged).toBe(1);
    await releaseVersion(context, null, draft.id, {});
    const refused = await patchCompetency(context, actor, draft.id, competency.id, {
      labelZh: '再改',
      reason: 'x',
    }).catch((caught: unknown) => caught);
    expect(isDomainError(refused) && refused.code).toBe('VERSION_RELEASED');
    const edits = await context.store.repositories.taxonomy.edits(draft.key, 'competency', competency.id);
    expect(edits[0]).toMatchObject({
      action: 'update',
      reason: '委员会意见',
      after: expect.objectContaining({ labelZh: '新标签' }),
    });
  });

  it('carries id history into a newer release: an ESCO URI that moved to a new id records the old one', async () => {
    const first = buildTestBundle();
    first.framework = { ...first.framework, key: 'history', label: '1' };
    const mapped = first.competencies.find((competency) => competency.escoUri !== null)!;
    await importTaxonomyBundle(context, first);
    const second = buildTestBundle();
    second.framework = { ...second.framework, key: 'history', label: '2' };
    const renamed = second.competencies.find((competency) => competency.id === mapped.id)!;
    for (const relation of second.relations) {
      if (relation.fromId === mapped.id) relation.fromId = 'renamed-id';
      if (relation.toId === mapped.id) relation.toId = 'renamed-id';
    }
    for (const requirement of second.requirements) {
      if (requirement.competencyId === mapped.id) requirement.competencyId = 'renamed-id';
    }
    renamed.id = 'renamed-id';
    renamed.previousIds = [];
    const result = await importTaxonomyBundle(context, second);
    expect(result).toMatchObject({ status: 'created', carriedIds: 1 });
    const stored = await context.store.repositories.taxonomy.competency(result.versionId, 'renamed-id');
    expect(stored?.previousIds).toEqual([mapped.id]);
  });

  it('deletes a whole version with everything it holds', async () => {
    const copy = await deriveDraft(context, null, versionId, { label: 'to-delete', releaseNotes: '' });
    await context.store.repositories.frameworkVersions.delete(copy.id);
    expect(await context.store.repositories.frameworkVersions.get(copy.id)).toBeNull();
    const left = await sql<{
      n: number;
    }>`select count(*)::int as n from competencies where version_id = ${copy.id}`.execute(database.db);
    expect(left.rows[0]!.n).toBe(0);
  });
});
