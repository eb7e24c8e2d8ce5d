import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { importFailure } from '../../core/errors/import-failure.js';
import { validateBundle } from '../../core/taxonomy/validate-bundle.js';
import {
  blankCompetency,
  emptyBundle,
  type Competency,
  type Post,
  type PostRequirement,
  type TaxonomyBundle,
} from '../../core/taxonomy/taxonomy-bundle.js';
import {
  catalogueCompetencyFileSchema,
  catalogueFrameworkFileSchema,
  cataloguePostFileSchema,
} from '../../contracts/catalogue-file.js';
import { readJsonFile } from '../read-json-file.js';

/** Where each record came from, so invariant errors can name the file. */
export interface CatalogueOrigin {
  competencies: Map<string, string>;
  posts: Map<string, string>;
}

export interface CuratedCatalogue {
  bundle: TaxonomyBundle;
  origin: CatalogueOrigin;
}

async function jsonFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
  } catch {
    throw importFailure({ file: dir, line: 0, field: '(folder)' }, 'folder not found');
  }
}

/**
 * Reads a curated catalogue folder (`framework.json`, `competencies/*.json`, `posts/*.json`) into one bundle.
 * Fails with FILE:LINE:FIELD on the first malformed file or dangling reference.
 */
export async function readCuratedCatalogue(dir: string): Promise<CuratedCatalogue> {
  const header = await readJsonFile(join(dir, 'framework.json'), catalogueFrameworkFileSchema, 'framework.json');
  const bundle = emptyBundle({
    key: header.key,
    label: header.label,
    titleZh: header.titleZh,
    titleEn: header.titleEn,
    source: 'curated',
    releaseNotes: header.releaseNotes,
  });
  bundle.levels = header.levels.map((level) => ({ ...level }));
  const origin: CatalogueOrigin = { competencies: new Map(), posts: new Map() };

  for (const name of await jsonFiles(join(dir, 'competencies'))) {
    const file = `competencies/${name}`;
    const parsed = await readJsonFile(join(dir, file), catalogueCompetencyFileSchema, file);
    for (const entry of parsed.competencies) {
      const previous = origin.competencies.get(entry.id);
      if (previous !== undefined) {
        throw importFailure(
          { file, line: 0, field: `competencies[id=${entry.id}]` },
          `id already defined in ${previous}`,
        );
      }
      origin.competencies.set(entry.id, file);
      const competency: Competency = {
        ...blankCompetency(entry.id, entry.type),
        dimension: entry.dimension,
        labelZh: entry.labelZh,
        labelEn: entry.labelEn,
        aliasesZh: entry.aliasesZh,
        aliasesEn: entry.aliasesEn,
        descriptionZh: entry.descriptionZh,
        descriptionEn: entry.descriptionEn,
        escoUri: entry.escoUri ?? null,
        onetElementId: entry.onetElementId ?? null,
        xStandardCode: entry.xStandardCode ?? null,
        previousIds: entry.previousIds,
      };
      bundle.competencies.push(competency);
      if (entry.broader) bundle.relations.push({ fromId: entry.id, toId: entry.broader, kind: 'broader' });
      for (const related of entry.related) bundle.relations.push({ fromId: entry.id, toId: related, kind: 'related' });
    }
  }

  for (const name of await jsonFiles(join(dir, 'posts'))) {
    const file = `posts/${name}`;
    const parsed = await readJsonFile(join(dir, file), cataloguePostFileSchema, file);
    if (`${parsed.id}.json` !== name) {
      throw importFailure(
        { file, line: 0, field: 'id' },
        `the file must be named after the post id (${parsed.id}.json)`,
      );
    }
    origin.posts.set(parsed.id, file);
    const { requirements, ...rest } = parsed;
    const post: Post = { ...rest, scenes: rest.scenes.map((scene) => ({ ...scene })) };
    bundle.posts.push(post);
    for (const requirement of requirements) {
      const entry: PostRequirement = {
        postId: parsed.id,
        competencyId: requirement.competency,
        essential: requirement.essential,
        weight: requirement.weight,
        level: requirement.level,
      };
      bundle.requirements.push(entry);
    }
  }

  const issues = validateBundle(bundle);
  if (issues.length > 0) {
    const issue = issues[0]!;
    const ref = issue.ref.split('→')[0]!;
    const file =
      issue.entity === 'requirement' || issue.entity === 'post'
        ? (origin.posts.get(ref) ?? 'posts/')
        : (origin.competencies.get(ref) ?? 'competencies/');
    throw importFailure({ file, line: 0, field: `${issue.entity}[${issue.ref}].${issue.field}` }, issue.reason);
  }
  return { bundle, origin };
}
