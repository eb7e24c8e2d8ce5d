import { curatedCatalogueDirOf } from '../server/package-root.js';
import { loadLinker, type LoadedLinker } from '../services/linker-cache.js';
import { ensureCuratedCatalogue } from '../services/taxonomy-source-import.js';
import { createProgress } from './progress.js';
import type { Runtime } from './runtime.js';

/** The linker over the data directory's frameworks; the curated catalogue is loaded first if there is none. */
export async function linkerOf(runtime: Runtime): Promise<LoadedLinker> {
  const versions = await runtime.services.store.repositories.frameworkVersions.list();
  if (versions.length === 0) {
    process.stderr.write('No framework in the data directory: loading the curated catalogue first.\n');
    await ensureCuratedCatalogue(runtime.services, curatedCatalogueDirOf(runtime.packageRoot));
  }
  const progress = createProgress('Building the linker');
  progress.update(0, 1, 'loading frameworks');
  const loaded = await loadLinker(runtime.services);
  progress.update(1, 1, `${loaded.entries.length} competencies from ${loaded.frameworks.join(', ')}`);
  progress.stop();
  return loaded;
}
