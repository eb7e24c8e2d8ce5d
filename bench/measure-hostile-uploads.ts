import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runImportFuzz, type FuzzFigure } from '../src/interchange/test-import-fuzz.js';
import { startTestServer } from '../src/server/test-server.js';
import { runUploadFuzz, type RouteFuzzFigure } from '../src/server/test-upload-fuzz.js';
import { formatTable } from './format-table.js';
import { measureUploadMemory, type UploadMemoryFigures } from './measure-upload-memory.js';

export interface HostileUploadFigures {
  readonly readerScale: number;
  readonly routeScale: number;
  readonly readers: readonly FuzzFigure[];
  readonly routes: readonly RouteFuzzFigure[];
  readonly memory: UploadMemoryFigures;
}

/**
 * The fuzz suites of CI, larger (`readerScale` × and `routeScale` × their case counts), and the RSS of a real
 * server child process while ZIP bombs are uploaded. A case that breaks the rules is a failure of the bench.
 */
export async function measureHostileUploads(options: {
  readerScale: number;
  routeScale: number;
  log: (line: string) => void;
}): Promise<{ figures: HostileUploadFigures; problems: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-bench-fuzz-'));
  let readers: FuzzFigure[];
  try {
    readers = await runImportFuzz({ dir, scale: options.readerScale });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const server = await startTestServer({ catalogue: true });
  let routes: RouteFuzzFigure[];
  try {
    routes = await runUploadFuzz(server, { scale: options.routeScale });
  } finally {
    await server.close();
  }
  const memory = await measureUploadMemory({ log: (line) => options.log(`  ${line}`) });
  const problems = [
    ...readers
      .filter((figure) => figure.problem)
      .map((figure) => `${figure.importer} ${figure.format}: ${figure.problem!.split('\n')[0]}`),
    ...routes
      .filter((figure) => figure.problem)
      .map((figure) => `${figure.route} ${figure.format}: ${figure.problem!.split('\n')[0]}`),
    ...memory.requests
      .filter((request) => request.status === null || request.status >= 500)
      .map((request) => `${request.route}: answered ${request.status ?? 'nothing'} to a ZIP bomb`),
  ];
  return {
    figures: { readerScale: options.readerScale, routeScale: options.routeScale, readers, routes, memory },
    problems,
  };
}

export function formatHostileUploads(figures: HostileUploadFigures): string {
  const readerTable = formatTable(
    ['importer (reader level)', 'format', 'cases', 'accepted', 'refused (IMPORT_FAILED)', 's', 'broke the rules'],
    figures.readers.map((figure) => [
      figure.importer,
      figure.format,
      String(figure.cases),
      String(figure.accepted),
      String(figure.cases - figure.accepted),
      figure.seconds.toFixed(1),
      figure.problem ? 'YES' : '0',
    ]),
  );
  const routeTable = formatTable(
    ['upload route (real HTTP)', 'format', 'cases', 'statuses', 's', 'broke the rules'],
    figures.routes.map((figure) => [
      figure.route,
      figure.format,
      String(figure.cases),
      Object.entries(figure.statuses)
        .map(([status, count]) => `${status}×${count}`)
        .join(' '),
      figure.seconds.toFixed(1),
      figure.problem ? 'YES' : '0',
    ]),
  );
  const { memory } = figures;
  const memoryTable = formatTable(
    [
      `ZIP bomb ${(memory.bombBytes / 1e6).toFixed(1)} MB → ${memory.expandedBytes / 1e9} GB`,
      'status',
      'code',
      's',
      'peak RSS MiB',
    ],
    memory.requests.map((request) => [
      request.route,
      String(request.status ?? '-'),
      request.code ?? '',
      request.seconds.toFixed(2),
      request.peakRssMiB.toFixed(0),
    ]),
  );
  const total = (rows: readonly { cases: number }[]) => rows.reduce((sum, row) => sum + row.cases, 0);
  return [
    `reader fuzz: ${total(figures.readers).toLocaleString('en')} cases (${figures.readerScale}× CI), ` +
      `${figures.readers.reduce((sum, row) => sum + row.seconds, 0).toFixed(0)} s`,
    readerTable,
    `upload fuzz: ${total(figures.routes).toLocaleString('en')} requests (${figures.routeScale}× CI), ` +
      `${figures.routes.reduce((sum, row) => sum + row.seconds, 0).toFixed(0)} s`,
    routeTable,
    `server child process: idle RSS ${memory.idleRssMiB.toFixed(0)} MiB, peak while the bombs were uploaded ` +
      `${memory.peakDuringUploadsMiB.toFixed(0)} MiB (high-water mark ${memory.highWaterMiB.toFixed(0)} MiB, start-up included); ` +
      'issue 14 measured 3.7 GB per request before the bounded reader',
    memoryTable,
  ].join('\n');
}
