/**
 * The revision step of `npm run bench` alone: `npx tsx bench/run-revision.ts [postings per period…]` (default 5000;
 * e.g. `5000 500000` for the two sizes — the large one takes minutes).
 */
import { formatRevisionFigures, measureRevisionProcess, measureRevisionSimulation } from './measure-revision.js';

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => Number.isInteger(n) && n > 0);
const simulation = measureRevisionSimulation();
const processes = (sizes.length > 0 ? sizes : [5000]).map((size) => measureRevisionProcess(size));
process.stdout.write(`${formatRevisionFigures(simulation, processes)}\n`);
process.exit(processes.every((run) => run.exit === 0) ? 0 : 1);
