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

/**
 * The real public datasets that tests and benchmarks read (never copied into the project): `ZERODOCK_SHARED_DATA`,
 * or `../shared/data` beside the checkout. Returns null when absent, except in CI, where absence is an error.
 */
export function sharedDataDir(): string | null {
  const dir = process.env.ZERODOCK_SHARED_DATA ?? resolve(packageRoot(), '..', 'shared', 'data');
  if (existsSync(dir)) return dir;
  if (process.env.CI) throw new Error(`The shared datasets are required in CI but ${dir} does not exist.`);
  return null;
}

/** A path inside the shared datasets, or null (with the reason logged once by the caller's skip). */
export function sharedDataPath(...parts: string[]): string | null {
  const dir = sharedDataDir();
  return dir === null ? null : join(dir, ...parts);
}

/** The bundled curated catalogue folder (`data/catalogue`). */
export function curatedCatalogueDir(): string {
  return join(packageRoot(), 'data', 'catalogue');
}
