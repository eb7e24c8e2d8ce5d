import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeTerm } from '../../src/core/taxonomy/normalize-term.js';
import type { TaxonomyBundle } from '../../src/core/taxonomy/taxonomy-bundle.js';
import { readCuratedCatalogue, type CatalogueOrigin } from '../../src/interchange/curated/read-curated-catalogue.js';
import { curatedCatalogueDir, sharedDataPath } from '../../src/interchange/shared-data.js';

/** The posts the scheme (seed 000 §1.2) names, plus the new-technology posts it lists. */
const SCHEME_POSTS = [
  'ito-information-system-operations',
  'ito-industrial-software-development',
  'ito-industrial-software-testing',
  'ito-ai-application',
  'ito-cloud-operations',
  'ito-vr-ar-development',
  'ito-mobile-app-development',
  'ito-blockchain-application',
  'bpo-supply-chain-management',
  'bpo-logistics-warehouse-management',
  'bpo-marketing-sales',
  'bpo-patent-qualification-declaration',
  'bpo-insurance-services',
  'bpo-quality-management',
  'bpo-hr-management',
  'bpo-legal-consultation',
  'kpo-brand-design-promotion',
  'kpo-product-outline-design',
];

let bundle: TaxonomyBundle;
let origin: CatalogueOrigin;

beforeAll(async () => {
  ({ bundle, origin } = await readCuratedCatalogue(curatedCatalogueDir()));
});

function csvColumn(path: string, column: string): Set<string> {
  const rows = parse<Record<string, string>>(readFileSync(path), { columns: true, bom: true, relax_quotes: false });
  return new Set(rows.map((row) => row[column]!));
}

describe('the curated catalogue (data/catalogue)', () => {
  it('has every post of the scheme, each with tasks and 15–40 requirements', () => {
    const ids = bundle.posts.map((post) => post.id);
    expect(ids).toEqual(expect.arrayContaining(SCHEME_POSTS));
    for (const post of bundle.posts) {
      const requirements = bundle.requirements.filter((requirement) => requirement.postId === post.id);
      expect(requirements.length, post.id).toBeGreaterThanOrEqual(15);
      expect(requirements.length, post.id).toBeLessThanOrEqual(40);
      expect(
        requirements.some((requirement) => requirement.essential),
        `${post.id} has an essential requirement`,
      ).toBe(true);
      expect(post.scenes.flatMap((scene) => scene.tasksZh).length, `${post.id} tasks`).toBeGreaterThan(0);
    }
  });

  it('has several hundred competencies across all six dimensions, each labelled in zh and en', () => {
    const real = bundle.competencies.filter((competency) => !competency.isGroup);
    expect(real.length).toBeGreaterThanOrEqual(300);
    const dimensions = new Set(real.map((competency) => competency.dimension));
    expect([...dimensions].sort()).toEqual(['industry', 'it', 'language', 'quality', 'service', 'sub-sector']);
    for (const competency of real) {
      expect(competency.labelZh, competency.id).toMatch(/\p{Script=Han}/u);
      expect(competency.labelEn, competency.id).toMatch(/[A-Za-z]/);
    }
  });

  it('every requirement references an existing competency (loader check) and every competency is used or related', () => {
    const ids = new Set(bundle.competencies.map((competency) => competency.id));
    for (const requirement of bundle.requirements) expect(ids.has(requirement.competencyId)).toBe(true);
  });

  it('no label or alias means two competencies in the same language', () => {
    for (const language of ['Zh', 'En'] as const) {
      const owner = new Map<string, string>();
      const clashes: string[] = [];
      for (const competency of bundle.competencies) {
        const terms = new Set(
          [competency[`label${language}`] ?? '', ...competency[`aliases${language}`]]
            .map(normalizeTerm)
            .filter(Boolean),
        );
        for (const term of terms) {
          const previous = owner.get(term);
          if (previous !== undefined && previous !== competency.id) {
            clashes.push(
              `"${term}": ${previous} (${origin.competencies.get(previous)}) and ${competency.id} (${origin.competencies.get(competency.id)})`,
            );
          }
          owner.set(term, competency.id);
        }
      }
      expect(clashes, `${language} clashes`).toEqual([]);
    }
  });

  it('post titles and aliases are unique in each language', () => {
    for (const language of ['Zh', 'En'] as const) {
      const seen = new Map<string, string>();
      for (const post of bundle.posts) {
        for (const term of new Set([post[`title${language}`], ...post[`aliases${language}`]].map(normalizeTerm))) {
          expect(seen.get(term) ?? post.id, `"${term}"`).toBe(post.id);
          seen.set(term, post.id);
        }
      }
    }
  });

  it('external codes exist in the official releases in ../shared/data', (context) => {
    const esco = sharedDataPath('esco-v1.1.1-en');
    if (esco === null) {
      context.skip('../shared/data is absent: external codes checked for form only');
      return;
    }
    const skills = csvColumn(`${esco}/skills_en.csv`, 'conceptUri');
    const occupations = csvColumn(`${esco}/occupations_en.csv`, 'conceptUri');
    const isco = new Set([...csvColumn(`${esco}/ISCOGroups_en.csv`, 'code')]);
    const onet = new Set([
      ...readFileSync(sharedDataPath('onet', 'onet-23.0-core', 'Occupation Data.txt')!, 'utf8')
        .split('\n')
        .map((line) => line.split('\t')[0]!),
      ...readFileSync(sharedDataPath('onet', 'onet-30.0-alternate-titles', 'Alternate Titles.txt')!, 'utf8')
        .split('\n')
        .map((line) => line.split('\t')[0]!),
    ]);
    const cn = csvColumn(
      sharedDataPath('cn-occupation-classification-2022-small-categories', 'small_categories_2022.csv')!,
      'small_category_code',
    );
    const missing: string[] = [];
    for (const competency of bundle.competencies) {
      if (competency.escoUri && !skills.has(competency.escoUri))
        missing.push(`${competency.id}: ${competency.escoUri}`);
    }
    for (const post of bundle.posts) {
      for (const uri of post.references.escoOccupations) if (!occupations.has(uri)) missing.push(`${post.id}: ${uri}`);
      for (const code of post.references.isco) if (!isco.has(code)) missing.push(`${post.id}: ISCO ${code}`);
      for (const code of post.references.onetSoc) if (!onet.has(code)) missing.push(`${post.id}: O*NET ${code}`);
      for (const code of post.references.cn2022) if (!cn.has(code)) missing.push(`${post.id}: 大典 ${code}`);
      const linked = Object.values(post.references).reduce((sum: number, list: string[]) => sum + list.length, 0);
      expect(
        post.references.escoOccupations.length + post.references.onetSoc.length,
        `${post.id} links`,
      ).toBeGreaterThan(0);
      expect(linked).toBeGreaterThan(0);
    }
    expect(missing).toEqual([]);
    const mapped = bundle.competencies.filter((competency) => competency.escoUri !== null).length;
    expect(mapped / bundle.competencies.length).toBeGreaterThan(0.3);
  });
});
