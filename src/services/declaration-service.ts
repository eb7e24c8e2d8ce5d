import type { Declaration, DeclarationInput, DeclarationSummary } from '../contracts/demand.js';
import type { Actor } from '../core/access/actor.js';
import type { DemandDeclarationRecord } from '../core/demand/posting.js';
import { DomainError } from '../core/errors/domain-error.js';
import { importFailure } from '../core/errors/import-failure.js';
import type { DeclarationRow } from '../storage/repositories/demand-declaration.repository.js';
import { loadLinker, type LoadedLinker } from './linker-cache.js';
import type { ServiceContext } from './service-context.js';

/**
 * Enterprises' declared demand (the second demand source beside postings): an enterprise states how many people it
 * wants for a curated post in a year. Only enterprise organisations declare; each sees only its own declarations;
 * everyone signed in sees the aggregate per post and year (no enterprise named).
 */
async function requireEnterprise(context: ServiceContext, organisationId: string): Promise<void> {
  const organisation = await context.store.repositories.organisations.findById(organisationId);
  if (!organisation)
    throw new DomainError('ORGANISATION_NOT_FOUND', 'No organisation has this id.', { organisationId });
  if (organisation.kind !== 'enterprise') {
    throw new DomainError('VALIDATION_FAILED', 'Only enterprises declare demand.', { field: 'organisationId' });
  }
}

function dto(loaded: LoadedLinker, row: DeclarationRow): Declaration {
  const post = loaded.posts.get(row.postId);
  return { ...row, postTitleZh: post?.titleZh ?? null, postTitleEn: post?.titleEn ?? null };
}

export async function listDeclarations(
  context: ServiceContext,
  organisationId: string,
): Promise<{ items: Declaration[] }> {
  const loaded = await loadLinker(context);
  const rows = await context.store.repositories.declarations.list(organisationId);
  return { items: rows.map((row) => dto(loaded, row)) };
}

export async function createDeclaration(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  input: DeclarationInput,
): Promise<Declaration> {
  await requireEnterprise(context, organisationId);
  const loaded = await loadLinker(context);
  if (!loaded.posts.has(input.postId)) {
    throw new DomainError('UNKNOWN_REFERENCE', `The curated framework has no post "${input.postId}".`, {
      field: 'postId',
    });
  }
  const [id] = await context.store.repositories.declarations.insertMany(organisationId, actor.personId, [input]);
  const row = (await context.store.repositories.declarations.list(organisationId)).find((item) => item.id === id)!;
  return dto(loaded, row);
}

export async function deleteDeclaration(
  context: ServiceContext,
  organisationId: string,
  declarationId: string,
): Promise<void> {
  const deleted = await context.store.repositories.declarations.delete(organisationId, declarationId);
  if (!deleted) {
    throw new DomainError('DECLARATION_NOT_FOUND', 'This organisation has no declaration with this id.', {
      declarationId,
    });
  }
}

/** Stores declarations read from a file, all or nothing; every post must exist (FILE:LINE:FIELD otherwise). */
export async function importDeclarations(
  context: ServiceContext,
  actor: Actor,
  organisationId: string,
  records: readonly { line: number; record: DemandDeclarationRecord }[],
  fileName: string,
): Promise<{ created: number }> {
  await requireEnterprise(context, organisationId);
  const loaded = await loadLinker(context);
  for (const { line, record } of records) {
    if (!loaded.posts.has(record.postId)) {
      throw importFailure({ file: fileName, line, field: 'post' }, `unknown post id "${record.postId}"`);
    }
  }
  const ids = await context.store.transaction((repositories) =>
    repositories.declarations.insertMany(
      organisationId,
      actor.personId,
      records.map(({ record }) => ({
        postId: record.postId,
        headcount: record.headcount,
        year: record.year,
        province: record.province,
        city: record.city,
        note: record.note,
      })),
    ),
  );
  return { created: ids.length };
}

export async function declarationSummary(context: ServiceContext): Promise<DeclarationSummary> {
  const loaded = await loadLinker(context);
  const rows = await context.store.repositories.declarations.summary();
  return {
    items: rows.map((row) => {
      const post = loaded.posts.get(row.postId);
      return { ...row, titleZh: post?.titleZh ?? row.postId, titleEn: post?.titleEn ?? row.postId };
    }),
  };
}
