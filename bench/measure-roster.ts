import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { generateRoster, rosterCells } from '../src/interchange/rosters/generate-roster.js';
import { readRosterFile } from '../src/interchange/rosters/read-roster-file.js';
import { writeRosterTable } from '../src/interchange/rosters/write-roster-table.js';
import { argon2PasswordHasher } from '../src/services/argon2-password-hasher.js';
import { applyRosterImport, previewRosterImport } from '../src/services/roster-service.js';
import type { ServiceContext } from '../src/services/service-context.js';
import { createDatabase, type DatabaseOptions } from '../src/storage/create-database.js';
import { migrateToLatest } from '../src/storage/migrate.js';
import { createStore } from '../src/storage/repositories/create-repositories.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** One phase: wall time and the process's peak resident memory while it ran. */
export interface RosterPhase {
  readonly seconds: number;
  readonly peakRssMiB: number;
}

export interface RosterFigures {
  readonly backend: 'pglite' | 'postgres';
  readonly students: number;
  readonly fileMiB: number;
  readonly preview: RosterPhase;
  readonly apply: RosterPhase;
  /** A re-import in which 5 % of the students changed (name, phone or class). */
  readonly changed: number;
  readonly reimportPreview: RosterPhase;
  readonly reimportApply: RosterPhase;
  readonly counts: { readonly new: number; readonly changed: number; readonly unchanged: number };
}

/** Runs `work`, sampling the resident memory every 20 ms. */
async function phase<T>(work: () => Promise<T>): Promise<{ value: T; figure: RosterPhase }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return {
      value,
      figure: {
        seconds: Math.round((performance.now() - started) / 10) / 100,
        peakRssMiB: Math.round(peak / 2 ** 20),
      },
    };
  } finally {
    clearInterval(timer);
  }
}

/** The measurement itself, in this process (the child of `measureRoster`). */
export async function measureRosterHere(
  backend: 'pglite' | 'postgres',
  students: number,
  databaseUrl?: string,
): Promise<RosterFigures> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zerodock-bench-roster-'));
  let dropDatabase: (() => Promise<void>) | null = null;
  let options: DatabaseOptions = { kind: 'pglite', dataDir: path.join(work, 'db') };
  if (backend === 'postgres') {
    if (!databaseUrl) throw new Error('postgres needs a database URL');
    const name = `zd_bench_roster_${process.pid}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(databaseUrl);
    url.pathname = `/${name}`;
    options = { kind: 'postgres', url: url.toString() };
    dropDatabase = async () => {
      const dropper = new pg.Client({ connectionString: databaseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    };
  }
  const database = await createDatabase(options);
  try {
    await migrateToLatest(database.db);
    const context: ServiceContext = {
      store: createStore(database.db),
      clock: () => new Date(),
      passwords: argon2PasswordHasher,
    };
    const college = await context.store.repositories.organisations.create({
      kind: 'college',
      nameZh: '基准测试职业技术学院',
      nameEn: 'Bench Vocational College',
      province: '江苏省',
      city: '苏州市',
      enterpriseType: null,
    });
    const actor = { personId: null, email: null };
    const rows = generateRoster({ kind: 'student', count: students, seed: 2024 });
    const table = rosterCells('student', rows);
    const file = path.join(work, 'students.xlsx');
    fs.writeFileSync(file, await writeRosterTable(table.headers, table.rows, 'xlsx'));
    const fileMiB = Math.round((fs.statSync(file).size / 2 ** 20) * 10) / 10;

    const preview = await phase(async () =>
      previewRosterImport(context, actor, college.id, 'student', await readRosterFile(file, 'student')),
    );
    const apply = await phase(() =>
      applyRosterImport(context, actor, college.id, preview.value.id, { markLeft: false }),
    );

    // 5 %: a third renamed, a third with a new phone, a third moved to the next class of their specialty and cohort.
    const changedCount = Math.round(students * 0.05);
    const step = Math.floor(students / changedCount);
    const classes = new Map<string, string[]>();
    for (const row of rows) {
      const key = `${row.specialtyCode}/${row.cohortYear}`;
      const list = classes.get(key) ?? [];
      if (!list.includes(row.className!)) list.push(row.className!);
      classes.set(key, list);
    }
    const changed = rows.map((row, index) => {
      if (index % step !== 0 || index / step >= changedCount) return row;
      const which = (index / step) % 3;
      if (which === 0) return { ...row, name: `${row.name}某` };
      if (which === 1) return { ...row, phone: `139${String(index).padStart(8, '0')}` };
      const list = classes.get(`${row.specialtyCode}/${row.cohortYear}`)!;
      return { ...row, className: list[(list.indexOf(row.className!) + 1) % list.length]! };
    });
    const second = rosterCells('student', changed);
    fs.writeFileSync(file, await writeRosterTable(second.headers, second.rows, 'xlsx'));
    const reimportPreview = await phase(async () =>
      previewRosterImport(context, actor, college.id, 'student', await readRosterFile(file, 'student')),
    );
    const reimportApply = await phase(() =>
      applyRosterImport(context, actor, college.id, reimportPreview.value.id, { markLeft: true }),
    );
    return {
      backend,
      students,
      fileMiB,
      preview: preview.figure,
      apply: apply.figure,
      changed: changedCount,
      reimportPreview: reimportPreview.figure,
      reimportApply: reimportApply.figure,
      counts: {
        new: preview.value.counts.new,
        changed: reimportPreview.value.counts.changed,
        unchanged: reimportPreview.value.counts.unchanged,
      },
    };
  } finally {
    await database.close();
    await dropDatabase?.();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/**
 * The roster step of the bench: a generated roster of `students` (XLSX), previewed and applied, then re-imported
 * with 5 % changed; each backend in a child process of its own so that its peak memory is its own.
 */
export function measureRoster(backend: 'pglite' | 'postgres', students: number, databaseUrl?: string): RosterFigures {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'bench', 'measure-roster.ts'), '--child', backend, String(students)],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ...(databaseUrl ? { BENCH_ROSTER_DATABASE_URL: databaseUrl } : {}) },
      maxBuffer: 16 * 2 ** 20,
      timeout: 15 * 60 * 1000,
    },
  );
  if (child.status !== 0) throw new Error(`roster bench (${backend}) failed: ${child.stderr.slice(-2000)}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as RosterFigures;
}

export function formatRosterFigures(figures: readonly RosterFigures[]): string {
  const lines = ['backend   students  file     preview            apply              re-import 5 %: preview   apply'];
  const cell = (phase: RosterPhase) => `${phase.seconds.toFixed(2)} s ${String(phase.peakRssMiB).padStart(4)} MiB`;
  for (const figure of figures) {
    lines.push(
      `${figure.backend.padEnd(9)} ${String(figure.students).padStart(8)}  ${`${figure.fileMiB} MiB`.padEnd(8)} ` +
        `${cell(figure.preview).padEnd(18)} ${cell(figure.apply).padEnd(18)} ` +
        `${cell(figure.reimportPreview).padEnd(24)} ${cell(figure.reimportApply)}  ` +
        `(${figure.counts.changed} changed, ${figure.counts.unchanged} unchanged)`,
    );
  }
  lines.push('(peak RSS: the whole process — Node, the database when it is PGlite, the file and the rows)');
  return lines.join('\n');
}

if (process.argv[2] === '--child') {
  const backend = process.argv[3] === 'postgres' ? 'postgres' : 'pglite';
  const figures = await measureRosterHere(
    backend,
    Number(process.argv[4] ?? 20_000),
    process.env.BENCH_ROSTER_DATABASE_URL,
  );
  process.stdout.write(`${JSON.stringify(figures)}\n`);
  process.exit(0);
}
