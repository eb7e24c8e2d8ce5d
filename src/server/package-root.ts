import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, whether running from `src/` (tsx) or from `dist/src/` (built). */
export function findPackageRoot(start: string = path.dirname(fileURLToPath(import.meta.url))): string {
  let directory = start;
  for (;;) {
    if (fs.existsSync(path.join(directory, 'package.json'))) return directory;
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`no package.json above ${start}`);
    directory = parent;
  }
}

export function readPackageVersion(root: string = findPackageRoot()): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}

/** The bundled curated competency and post catalogue (data/catalogue/). */
export function curatedCatalogueDirOf(root: string = findPackageRoot()): string {
  return path.join(root, 'data', 'catalogue');
}

/** The bundled demo dataset (data/demo/demo-dataset.json). */
export function demoDatasetPath(root: string = findPackageRoot()): string {
  return path.join(root, 'data', 'demo', 'demo-dataset.json');
}

/** The demo college's existing course list (data/demo/demo-courses.csv). */
export function demoCourseListPath(root: string = findPackageRoot()): string {
  return path.join(root, 'data', 'demo', 'demo-courses.csv');
}
