import fc from 'fast-check';
import { bundleToCasePackage } from '../interchange/case/bundle-to-case-package.js';
import { buildTestBundle } from '../interchange/test-bundle.js';
import {
  hostileCasePackage,
  hostileCsv,
  hostileJsonLines,
  hostileWorkbookBytes,
  hostileXlsx,
  settleWithin,
  type HostileFile,
} from '../interchange/test-hostile-files.js';
import {
  COURSE_HEADER,
  DECLARATION_HEADER,
  POSTING_HEADER,
  VALID_COURSES,
  VALID_DECLARATIONS,
  VALID_POSTINGS,
} from '../interchange/test-import-fuzz.js';
import { writeTaxonomyWorkbook } from '../interchange/xlsx/write-taxonomy-workbook.js';
import { leftoverUploads, storedCounts, uploadFile, uploadRoutes, type UploadRoute } from './test-upload-routes.js';
import type { TestServer } from './test-server.js';

/** One upload route fed one format of hostile file. */
interface RouteTarget {
  readonly route: string;
  readonly format: string;
  /** Cases in the CI run (the bench multiplies them). */
  readonly runs: number;
  readonly files: fc.Arbitrary<HostileFile>;
}

export interface RouteFuzzFigure {
  readonly route: string;
  readonly format: string;
  readonly cases: number;
  /** Answered 200 (the rest 4xx with a code). */
  readonly accepted: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly seconds: number;
  readonly problem: string | null;
}

async function routeTargets(): Promise<RouteTarget[]> {
  const bundle = buildTestBundle();
  const workbook = await writeTaxonomyWorkbook(bundle);
  const casePackage = bundleToCasePackage(bundle, { baseUri: 'https://zerodock.test/case', now: new Date(0) });
  return [
    { route: 'postings', format: 'CSV', runs: 120, files: hostileCsv(POSTING_HEADER, '.csv', VALID_POSTINGS) },
    { route: 'postings', format: 'XLSX', runs: 120, files: hostileXlsx(POSTING_HEADER, VALID_POSTINGS) },
    { route: 'postings', format: 'JSONL', runs: 100, files: hostileJsonLines() },
    {
      route: 'declarations',
      format: 'CSV',
      runs: 100,
      files: hostileCsv(DECLARATION_HEADER, '.csv', VALID_DECLARATIONS),
    },
    { route: 'declarations', format: 'XLSX', runs: 100, files: hostileXlsx(DECLARATION_HEADER, VALID_DECLARATIONS) },
    { route: 'course list', format: 'CSV', runs: 100, files: hostileCsv(COURSE_HEADER, '.csv', VALID_COURSES) },
    { route: 'course list', format: 'XLSX', runs: 100, files: hostileXlsx(COURSE_HEADER, VALID_COURSES) },
    {
      route: 'framework',
      format: 'XLSX',
      runs: 100,
      files: fc.oneof(hostileXlsx(['id', 'type', 'labelZh']), hostileWorkbookBytes(workbook)),
    },
    {
      route: 'framework',
      format: 'CASE JSON',
      runs: 100,
      files: hostileCasePackage(casePackage),
    },
  ];
}

/**
 * Uploads hostile files to every upload route of a running test server, `scale` × the CI case counts. Each must be
 * answered within `deadlineMs` with 200 or a 4xx carrying a stable code (IMPORT_FAILED naming FILE:LINE:FIELD of
 * the file sent); a refused one must store nothing and leave no import running; at the end no upload file is left.
 */
export async function runUploadFuzz(
  server: TestServer,
  options: { scale?: number; deadlineMs?: number } = {},
): Promise<RouteFuzzFigure[]> {
  const { admin, routes } = await uploadRoutes(server);
  const byName = new Map<string, UploadRoute>(routes.map((route) => [route.name, route]));
  const figures: RouteFuzzFigure[] = [];
  for (const target of await routeTargets()) {
    const route = byName.get(target.route)!;
    const started = performance.now();
    const statuses: Record<string, number> = {};
    let cases = 0;
    let accepted = 0;
    const result = await fc.check(
      fc.asyncProperty(target.files, async (file) => {
        cases++;
        const name = target.format === 'CASE JSON' ? 'hostile.json' : file.name;
        const before = await storedCounts(server);
        const answer = await settleWithin(
          async () => {
            const response = await uploadFile(server, admin, route.url(name), file.bytes);
            const text = await response.text();
            statuses[response.status] = (statuses[response.status] ?? 0) + 1;
            if (response.status === 200) {
              accepted++;
              return;
            }
            if (response.status >= 500 || response.status < 400) {
              throw new Error(`${file.kind}: answered ${response.status}: ${text.slice(0, 300)}`);
            }
            const body = JSON.parse(text) as {
              error?: { code?: unknown; message?: unknown; details?: Record<string, unknown> };
            };
            if (typeof body.error?.code !== 'string')
              throw new Error(`${file.kind}: a ${response.status} without a code`);
            if (body.error.code === 'IMPORT_FAILED') {
              const { file: named, line, field } = body.error.details ?? {};
              if (named !== name || !Number.isInteger(line) || typeof field !== 'string' || field === '') {
                throw new Error(`${file.kind}: IMPORT_FAILED without FILE:LINE:FIELD: ${String(body.error.message)}`);
              }
            }
            const after = await storedCounts(server);
            if (after.stored !== before.stored)
              throw new Error(`${file.kind}: refused, yet stored ${before.stored} → ${after.stored}`);
          },
          options.deadlineMs ?? 60_000,
          file.kind,
        );
        if (answer !== 'ok') throw answer as Error;
        const { running } = await storedCounts(server);
        if (running !== 0) throw new Error(`${file.kind}: ${running} import(s) left running`);
      }),
      { numRuns: Math.round(target.runs * (options.scale ?? 1)) },
    );
    figures.push({
      route: target.route,
      format: target.format,
      cases,
      accepted,
      statuses,
      seconds: (performance.now() - started) / 1000,
      problem: result.failed ? (fc.defaultReportMessage(result) ?? 'failed') : null,
    });
  }
  for (let attempt = 0; attempt < 50 && (await leftoverUploads(server)).length > 0; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const left = await leftoverUploads(server);
  if (left.length > 0)
    figures.push({
      route: '(all)',
      format: '-',
      cases: 0,
      accepted: 0,
      statuses: {},
      seconds: 0,
      problem: `upload files left: ${left.join(', ')}`,
    });
  return figures;
}
