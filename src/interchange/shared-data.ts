import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, 'package.json'))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error('no package.json above src/interchange');
    directory = parent;
  }
  return directory;
}

/** Where the datasets may be: `ZERODOCK_SHARED_DATA`, else `shared/data` beside the checkout or beside an ancestor. */
function candidates(): string[] {
  if (process.env.ZERODOCK_SHARED_DATA) return [resolve(process.env.ZERODOCK_SHARED_DATA)];
  const out: string[] = [];
  let directory = resolve(packageRoot(), '..');
  for (;;) {
    out.push(join(directory, 'shared', 'data'));
    const parent = dirname(directory);
    if (parent === directory) return out;
    directory = parent;
  }
}

/**
 * The real public datasets that tests and benchmarks read (never copied into the project): `ZERODOCK_SHARED_DATA`,
 * or `../shared/data` beside the checkout (or beside one of its ancestors). Returns null when absent, except in CI,
 * where absence is an error naming every place looked at.
 */
export function sharedDataDir(): string | null {
  const places = candidates();
  const found = places.find((dir) => existsSync(dir));
  if (found) return found;
  if (process.env.CI) {
    throw new Error(
      `The shared datasets are required in CI but none of these exists: ${places.join(', ')} (set ZERODOCK_SHARED_DATA).`,
    );
  }
  return null;
}

/** A path inside the shared datasets, or null (with the reason logged once by the caller's skip). */
export function sharedDataPath(...parts: string[]): string | null {
  const dir = sharedDataDir();
  return dir === null ? null : join(dir, ...parts);
}

/** The bundled curated catalogue folder (`data/catalogue`). */
export function curatedCatalogueDir(): string {
  return join(packageDataDir(), 'catalogue');
}

/** The bundled `data/` folder (curated catalogue, course library, demo data). */
export function packageDataDir(): string {
  return join(packageRoot(), 'data');
}
