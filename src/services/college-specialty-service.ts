import type { CollegeSpecialtyDto, CollegeSpecialtyInput } from '../contracts/groups.js';
import type { Actor } from '../core/access/actor.js';
import { DomainError } from '../core/errors/domain-error.js';
import { suggestSpecialtyPosts, type PostSuggestion } from '../core/specialties/suggest-specialty-posts.js';
import type { Post } from '../core/taxonomy/taxonomy-bundle.js';
import type { CollegeSpecialtyRecord } from '../storage/repositories/college-specialty.repository.js';
import type { Repositories } from '../storage/repositories/create-repositories.js';
import type { FrameworkVersionRecord } from '../storage/repositories/framework-version.repository.js';
import type { OrganisationRecord } from '../storage/repositories/organisation.repository.js';
import { CURATED_FRAMEWORK_KEY } from './linker-cache.js';
import type { ServiceContext } from './service-context.js';

/**
 * A college's specialties (专业, by national catalogue code), the curated posts each serves (the mapping the
 * college edits) and the strength figures the leading specialty is chosen by. Only colleges have specialties.
 */

/** The organisation, which must exist and be a college (VALIDATION_FAILED naming `organisationId` otherwise). */
export async function requireCollege(repositories: Repositories, organisationId: string): Promise<OrganisationRecord> {
  const organisation = await repositories.organisations.findById(organisationId);
  if (!organisation) {
    throw new DomainError('ORGANISATION_NOT_FOUND', 'No organisation has this id.', { organisationId });
  }
  if (organisation.kind !== 'college') {
    throw new DomainError('VALIDATION_FAILED', 'Only colleges have specialties and specialty groups.', {
      field: 'organisationId',
    });
  }
  return organisation;
}

/** The newest released version of the curated framework: where the posts of every grouping come from. */
export async function requireCuratedVersion(repositories: Repositories): Promise<FrameworkVersionRecord> {
  const version = await repositories.frameworkVersions.newestReleased(CURATED_FRAMEWORK_KEY);
  if (!version) {
    throw new DomainError('FRAMEWORK_NOT_FOUND', `No released version of the curated framework "zerodock" yet.`, {
      framework: CURATED_FRAMEWORK_KEY,
    });
  }
  return version;
}

/** `520101K` (a nationally controlled specialty) is stored as `520101`, as the catalogue import stores it. */
export function normaliseSpecialtyCode(code: string): string {
  return code.replace(/K$/u, '');
}

function dto(record: CollegeSpecialtyRecord): CollegeSpecialtyDto {
  return {
    code: record.code,
    nameZh: record.nameZh,
    nameEn: record.nameEn,
    posts: record.posts,
    enrolment: record.enrolment,
    employmentRate: record.employmentRate,
    employerRating: record.employerRating,
    updatedAt: record.updatedAt,
  };
}

/** The college's specialties in code order. */
export async function listCollegeSpecialties(
  context: ServiceContext,
  organisationId: string,
): Promise<{ items: CollegeSpecialtyDto[] }> {
  const repositories = context.store.repositories;
  await requireCollege(repositories, organisationId);
  return { items: (await repositories.collegeSpecialties.list(organisationId)).map(dto) };
}

/**
 * Creates or replaces one specialty of the college. Every post must be a post of the newest released curated
 * framework (UNKNOWN_REFERENCE naming `posts.N` otherwise; duplicates are dropped). When a national specialty
 * catalogue has been imported, the code must be a specialty (专业) of it (VALIDATION_FAILED naming `code`);
 * without one, any 6-digit code is taken with the name given.
 */
export async function putCollegeSpecialty(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  rawCode: string,
  input: CollegeSpecialtyInput,
): Promise<CollegeSpecialtyDto> {
  const repositories = context.store.repositories;
  await requireCollege(repositories, organisationId);
  const code = normaliseSpecialtyCode(rawCode);
  const catalogue = await repositories.frameworkVersions.newestBySource('moe-catalogue');
  if (catalogue && !(await repositories.taxonomy.catalogueMajor(catalogue.id, code))) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${code} is not a specialty of the catalogue ${catalogue.key}@${catalogue.label} (a later supplement? import the amended catalogue).`,
      { field: 'code' },
    );
  }
  const posts = [...new Set(input.posts)];
  if (posts.length > 0) {
    const version = await repositories.frameworkVersions.newestReleased(CURATED_FRAMEWORK_KEY);
    const known = new Set(version ? (await repositories.taxonomy.posts(version.id)).map((post) => post.id) : []);
    posts.forEach((postId) => {
      if (!known.has(postId)) {
        const index = input.posts.indexOf(postId);
        throw new DomainError(
          'UNKNOWN_REFERENCE',
          version
            ? `The curated framework ${version.key}@${version.label} has no post "${postId}".`
            : `No curated framework is released yet, so there is no post "${postId}".`,
          { field: `posts.${index}`, postId },
        );
      }
    });
  }
  const record = await repositories.collegeSpecialties.upsert(
    organisationId,
    code,
    { ...input, posts, nameEn: input.nameEn === '' ? null : input.nameEn },
    actor.personId,
    context.clock(),
  );
  return dto(record);
}

/** Removes a specialty; SPECIALTY_NOT_FOUND when the college has none with this code. */
export async function deleteCollegeSpecialty(
  context: ServiceContext,
  organisationId: string,
  rawCode: string,
): Promise<void> {
  const repositories = context.store.repositories;
  await requireCollege(repositories, organisationId);
  const code = normaliseSpecialtyCode(rawCode);
  if (!(await repositories.collegeSpecialties.delete(organisationId, code))) {
    throw new DomainError('SPECIALTY_NOT_FOUND', `The college has no specialty ${code}.`, { code });
  }
}

function postForSuggestion(post: Post) {
  return {
    id: post.id,
    titleZh: post.titleZh,
    titleEn: post.titleEn,
    aliasesZh: post.aliasesZh,
    subSectorZh: post.subSectorZh,
    sceneTexts: post.scenes.flatMap((scene) => [scene.nameZh, scene.descriptionZh, ...scene.tasksZh]),
    cn2022: post.references.cn2022,
  };
}

/**
 * Curated posts a specialty probably serves, best first, with the reason (see `suggestSpecialtyPosts`). The
 * specialty's name is the college's own (when it runs it), else the imported catalogue's, else `name`;
 * SPECIALTY_NOT_FOUND when none of them is known.
 */
export async function suggestPostsForSpecialty(
  context: ServiceContext,
  organisationId: string,
  rawCode: string,
  name?: string,
): Promise<{
  items: (PostSuggestion & { titleZh: string; titleEn: string })[];
}> {
  const repositories = context.store.repositories;
  await requireCollege(repositories, organisationId);
  const code = normaliseSpecialtyCode(rawCode);
  const own = await repositories.collegeSpecialties.find(organisationId, code);
  const catalogue = await repositories.frameworkVersions.newestBySource('moe-catalogue');
  const major = catalogue ? await repositories.taxonomy.catalogueMajor(catalogue.id, code) : null;
  const nameZh = own?.nameZh ?? major?.nameZh ?? name?.trim();
  if (!nameZh) {
    throw new DomainError(
      'SPECIALTY_NOT_FOUND',
      `No specialty ${code} in the college or the imported catalogue; give its name (?name=).`,
      { code },
    );
  }
  const version = await requireCuratedVersion(repositories);
  const posts = await repositories.taxonomy.posts(version.id);
  const byId = new Map(posts.map((post) => [post.id, post]));
  const suggestions = suggestSpecialtyPosts(
    { nameZh, className: major?.className ?? null, servedPosts: own?.posts ?? [] },
    posts.map(postForSuggestion),
    10,
  );
  return {
    items: suggestions.map((suggestion) => ({
      ...suggestion,
      titleZh: byId.get(suggestion.postId)!.titleZh,
      titleEn: byId.get(suggestion.postId)!.titleEn,
    })),
  };
}
