/**
 * `npm run eval`: accuracy of the demand-intelligence engine on the public benchmarks in ../shared/data (validation
 * and dev splits only: held-out test sets exist that we do not have), printed and saved to eval/results/latest.json.
 *   - sentence → ESCO skill linking, R-Precision@5 on Decorte et al. TECH and HOUSE validation sets;
 *   - linking decisions on real Chinese posting sentences (zh-postings-dev): precision, recall, F1 of `linked`, RP@5,
 *     no-skill sentences linked — on its tuning part (circular) and its held-out part;
 *   - skill/knowledge span extraction, span-F1 on SkillSpan dev;
 *   - post classification and near-duplicate detection on generated postings with known truth (circular: generated
 *     from the catalogue the linker uses);
 *   - specialty groups: NMI of post grouping against ISCO-08 minor groups, with ESCO occupations as posts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureClassify, printClassify } from './measure-classify.js';
import { measureDecorte, printTable } from './measure-decorte.js';
import { measureGroups, printGroups } from './measure-groups.js';
import { measureSpans, printFigures } from './measure-spans.js';
import { measureZhPostings, printZhPostings } from './measure-zh-postings.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const heading = (title: string) => console.log(`\n== ${title} ==`);

heading('Skill linking: Decorte et al. ESCO validation sets, R-Precision@5');
const decorte = await measureDecorte();
printTable(decorte);
heading('Linking decisions: real Chinese posting sentences (zh-postings-dev), tuning vs held-out');
const zhPostings = await measureZhPostings();
printZhPostings(zhPostings);
heading('Span extraction: SkillSpan dev, exact-match span-F1');
const spans = await measureSpans();
printFigures(spans);
heading('Post classification and near-duplicates: GENERATED postings (circular)');
const classify = await measureClassify();
printClassify(classify);
heading('Specialty groups: ESCO occupations by ISCO-08 minor group, NMI at k = number of groups');
const groups = await measureGroups();
printGroups(groups);

const file = path.join(root, 'eval', 'results', 'latest.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(
  file,
  `${JSON.stringify({ at: new Date().toISOString(), node: process.version, decorte, zhPostings, spans, classify, groups }, null, 2)}\n`,
);
console.log(`\nSaved ${path.relative(root, file)}`);
