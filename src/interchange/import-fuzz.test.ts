import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImportFuzz } from './test-import-fuzz.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zerodock-fuzz-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('every importer, fed hostile files', () => {
  it('reads each to the end or refuses it with IMPORT_FAILED naming FILE:LINE:FIELD, never hanging', async () => {
    const figures = await runImportFuzz({ dir });
    for (const figure of figures) {
      expect(figure.problem, `${figure.importer} ${figure.format}`).toBeNull();
    }
    // A few thousand cases per format.
    const byFormat = new Map<string, number>();
    for (const figure of figures) byFormat.set(figure.format, (byFormat.get(figure.format) ?? 0) + figure.cases);
    expect(Object.fromEntries(byFormat)).toEqual({ CSV: 2000, XLSX: 2000, JSONL: 2000, 'CASE JSON': 2000 });
  }, 300_000);
});
