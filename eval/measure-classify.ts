/**
 * Post classification and near-duplicate detection on generated postings whose truth is known (the generator
 * records the post each posting was written for and which posting a repost copies). The linker is the curated
 * catalogue's, as on a fresh installation. Generated titles are the posts' own titles and aliases, which makes
 * classification with the title easy; the figure without the title is the less flattering one — and all of them are
 * circular (generated text from the catalogue the linker uses). Links are the product's: `linkDemand`, linked only.
 *   npx tsx eval/measure-classify.ts
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NearDuplicateIndex, textFingerprint } from '../src/core/demand/near-duplicates.js';
import { buildPostClassifier, classifyPosting } from '../src/core/demand/post-classifier.js';
import { linkEntriesFromBundles } from '../src/core/linking/link-entries-from-bundles.js';
import { linkDemand } from '../src/core/demand/link-demand.js';
import { buildLinker } from '../src/core/linking/link-text.js';
import { readCuratedCatalogue } from '../src/interchange/curated/read-curated-catalogue.js';
import { generateLabelledPostings } from '../src/interchange/postings/generate-postings.js';
import { curatedCatalogueDir } from '../src/interchange/shared-data.js';
import { createZhSegmenter } from '../src/interchange/zh/jieba-segmenter.js';

export interface ClassifyFigures {
  postings: number;
  /** Share of postings given a post at all. */
  coverage: number;
  /** Of those given a post, the share given the right one. */
  precision: number;
  /** Right post over all postings. */
  accuracy: number;
  /** Accuracy when the title is withheld (the body's competencies alone decide). */
  accuracyWithoutTitle: number;
  byLanguage: { language: 'zh' | 'en'; postings: number; accuracy: number }[];
  duplicates: { reposts: number; found: number; recall: number; falseAlarms: number };
}

export async function measureClassify(count = 3000, seed = 7): Promise<ClassifyFigures> {
  const { bundle } = await readCuratedCatalogue(curatedCatalogueDir());
  const entries = linkEntriesFromBundles([bundle]);
  const zhTerms = entries.flatMap((entry) => entry.terms.filter((term) => term.lang === 'zh').map((term) => term.text));
  const linker = buildLinker(entries, { segmentZh: createZhSegmenter(zhTerms) });
  const classifier = buildPostClassifier(bundle.posts, bundle.requirements, (id) => `${bundle.framework.key}:${id}`);
  const duplicates = new NearDuplicateIndex();
  let given = 0;
  let right = 0;
  let rightWithoutTitle = 0;
  let reposts = 0;
  let found = 0;
  let falseAlarms = 0;
  const languages = { zh: { postings: 0, right: 0 }, en: { postings: 0, right: 0 } };
  for (const posting of generateLabelledPostings({ count, seed, classifiedShare: 0 })) {
    const { record } = posting;
    const text = `${record.title}\n${record.text}`;
    const duplicateOf = duplicates.add(record.enterprise, textFingerprint(text), record.sourceId);
    if (posting.duplicateOf !== null) {
      reposts += 1;
      if (duplicateOf !== null) found += 1;
    } else if (duplicateOf !== null) falseAlarms += 1;
    const linked = linkDemand(linker, text, { mode: 'full', top: 30 }).filter((link) => link.linked);
    const guess = classifyPosting(
      classifier,
      record.title,
      linked.map((link) => ({ key: entries[link.entry]!.key, score: link.score })),
    );
    const body = linkDemand(linker, record.text, { mode: 'full', top: 30 }).filter((link) => link.linked);
    const withoutTitle = classifyPosting(
      classifier,
      '',
      body.map((link) => ({ key: entries[link.entry]!.key, score: link.score })),
    );
    if (withoutTitle?.postId === posting.postId) rightWithoutTitle += 1;
    languages[posting.language].postings += 1;
    if (guess) given += 1;
    if (guess?.postId === posting.postId) {
      right += 1;
      languages[posting.language].right += 1;
    }
  }
  return {
    postings: count,
    coverage: given / count,
    precision: given > 0 ? right / given : 0,
    accuracy: right / count,
    accuracyWithoutTitle: rightWithoutTitle / count,
    byLanguage: (['zh', 'en'] as const).map((language) => ({
      language,
      postings: languages[language].postings,
      accuracy: languages[language].postings > 0 ? languages[language].right / languages[language].postings : 0,
    })),
    duplicates: { reposts, found, recall: reposts > 0 ? found / reposts : 0, falseAlarms },
  };
}

export function printClassify(figures: ClassifyFigures): void {
  console.log(
    `Post classification on ${figures.postings} generated postings (truth known): coverage ${figures.coverage.toFixed(3)}, ` +
      `precision ${figures.precision.toFixed(3)}, accuracy ${figures.accuracy.toFixed(3)} ` +
      `(without the title: ${figures.accuracyWithoutTitle.toFixed(3)})` +
      figures.byLanguage.map((row) => `; ${row.language} ${row.accuracy.toFixed(3)} (${row.postings})`).join(''),
  );
  console.log(
    'CIRCULAR: generated text, written from the same curated catalogue the linker and classifier use; the honest ' +
      'linking figures are those on real sentences (zh-postings-dev held-out, Decorte, SkillSpan).',
  );
  const { duplicates } = figures;
  console.log(
    `Near-duplicates: ${duplicates.found}/${duplicates.reposts} reposts found (recall ${duplicates.recall.toFixed(3)}), ` +
      `${duplicates.falseAlarms} false alarms`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  printClassify(await measureClassify());
}
