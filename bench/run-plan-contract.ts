/**
 * The plan-contract step of `npm run bench` alone: `npx tsx bench/run-plan-contract.ts` (uses the built CLI when
 * `npm run build` has run, else the sources through tsx — then the whole-process time includes compiling).
 */
import { formatPlanContract, measurePlanContract } from './measure-courses.js';

const figures = await measurePlanContract();
process.stdout.write(`${formatPlanContract(figures)}\n`);
process.exit(figures.processExit === 0 && figures.invariantsHold && Math.max(...figures.load) <= 30 ? 0 : 1);
