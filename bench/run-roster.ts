/**
 * The roster step of `npm run bench` alone: `npx tsx bench/run-roster.ts [students]` (default 20000): a generated
 * XLSX roster previewed and applied on PGlite (and on PostgreSQL when DATABASE_URL or BENCH_DATABASE_URL is set),
 * then a re-import changing 5 %: wall time and peak RSS of each phase.
 */
import { formatRosterFigures, measureRoster, type RosterFigures } from './measure-roster.js';

const students = Number(process.argv[2] ?? 20_000);
const databaseUrl = process.env.BENCH_DATABASE_URL?.trim() || process.env.DATABASE_URL?.trim() || undefined;
const figures: RosterFigures[] = [measureRoster('pglite', students)];
if (databaseUrl) figures.push(measureRoster('postgres', students, databaseUrl));
process.stdout.write(`${formatRosterFigures(figures)}\n`);
