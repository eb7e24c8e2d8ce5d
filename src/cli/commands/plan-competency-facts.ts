import fs from 'node:fs';
import { competencyFactsFromBundle } from '../../core/courses/course-input-from-bundle.js';
import type { CompetencyFacts } from '../../core/courses/synthesize-course-system.js';
import { readCuratedCatalogue } from '../../interchange/curated/read-curated-catalogue.js';
import { curatedCatalogueDirOf } from '../../server/package-root.js';
import { chooseVersions } from '../../services/linker-cache.js';
import { databaseOptionsFromEnvironment } from '../../storage/create-database.js';
import { openRuntime } from '../runtime.js';

export type PlanLabel = string | { zh: string; en: string };

export interface PlanInputPost {
  competencies: readonly { id: string; label?: PlanLabel }[];
}

/**
 * What `zerodock plan` knows of its competencies: the labels the input gives (a string for both languages, or
 * `{"zh", "en"}`), and for ids without a label the frameworks of the data directory (the newest released version
 * of each, the curated catalogue first) — labels, packing cluster and knowledge prerequisites. The data directory
 * is only opened when it exists (PGlite) or DATABASE_URL is set, and only when some id has no label: a labelled
 * input needs no database. Ids still unknown are looked up in the curated catalogue shipped with Zerodock (so a
 * fresh machine knows them too). Ids nobody knows stay ids (listed in `unresolved`).
 */
export async function planCompetencyFacts(
  posts: readonly PlanInputPost[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ facts: Map<string, CompetencyFacts>; frameworks: string[]; unresolved: string[] }> {
  const given = new Map<string, { labelZh: string; labelEn: string }>();
  for (const post of posts) {
    for (const { id, label } of post.competencies) {
      if (label === undefined || given.has(id)) continue;
      const zh = typeof label === 'string' ? label : label.zh || label.en;
      const en = typeof label === 'string' ? label : label.en || label.zh;
      given.set(id, { labelZh: zh.trim(), labelEn: en.trim() });
    }
  }
  const ids = [...new Set(posts.flatMap((post) => post.competencies.map((competency) => competency.id)))];
  const facts = new Map<string, CompetencyFacts>();
  const frameworks: string[] = [];
  const missing = ids.filter((id) => !given.has(id));
  if (missing.length > 0 && dataDirectoryExists(env)) {
    const runtime = await openRuntime(env);
    try {
      const repositories = runtime.services.store.repositories;
      const versions = chooseVersions(await repositories.frameworkVersions.list());
      let left = new Set(missing);
      for (const version of versions) {
        if (left.size === 0) break;
        const bundle = await repositories.frameworkVersions.loadBundle(version.id);
        const found = competencyFactsFromBundle(bundle, left);
        if (found.size === 0) continue;
        frameworks.push(`${version.key}@${version.label}`);
        for (const [id, fact] of found) facts.set(id, fact);
        left = new Set([...left].filter((id) => !found.has(id)));
      }
    } finally {
      await runtime.close();
    }
  }
  const stillMissing = missing.filter((id) => !facts.has(id));
  if (stillMissing.length > 0) {
    const { bundle } = await readCuratedCatalogue(curatedCatalogueDirOf());
    const found = competencyFactsFromBundle(bundle, stillMissing);
    if (found.size > 0) frameworks.push(`${bundle.framework.key}@${bundle.framework.label} (shipped)`);
    for (const [id, fact] of found) facts.set(id, fact);
  }
  for (const [id, labels] of given) facts.set(id, { ...facts.get(id), ...labels });
  return { facts, frameworks, unresolved: ids.filter((id) => !facts.has(id)) };
}

function dataDirectoryExists(env: NodeJS.ProcessEnv): boolean {
  const options = databaseOptionsFromEnvironment(env, process.cwd());
  if (options.kind === 'postgres') return true;
  if (options.kind !== 'pglite') return false;
  // An existing, non-empty data directory (opening a missing one would create it).
  return fs.existsSync(options.dataDir) && fs.readdirSync(options.dataDir).length > 0;
}
