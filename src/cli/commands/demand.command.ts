import type { Command } from 'commander';
import { demandOverview, demandTrends, listPostingImports } from '../../services/demand-service.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';
import { DEMO_POSTINGS_FILE } from '../../services/demo-postings.js';

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/** `zerodock demand`: the demand figures of the data directory — imports, overview, rising and falling competencies. */
export function registerDemandCommand(program: Command): void {
  program
    .command('demand')
    .description('Demand from imported postings: totals per year, top competencies, significant rising/falling ones')
    .option('--province <name>', 'only postings of this province (e.g. 江苏省)')
    .option('--post <id>', 'only postings classified into this curated post')
    .option('--fdr <q>', 'false-discovery rate of the trend tests (Benjamini–Hochberg)', '0.05')
    .option('--json', 'print everything as JSON')
    .action((options: { province?: string; post?: string; fdr: string; json?: boolean }) =>
      runCommand(async () => {
        const runtime = await openRuntime();
        try {
          const slice = { province: options.province, post: options.post };
          const imports = await listPostingImports(runtime.services);
          const overview = await demandOverview(runtime.services, slice);
          const trends = await demandTrends(runtime.services, {
            ...slice,
            fdr: Number(options.fdr),
            minPostings: 20,
            limit: 10,
          });
          if (options.json) {
            process.stdout.write(`${JSON.stringify({ imports: imports.items, overview, trends })}\n`);
            return;
          }
          const out = (line = '') => process.stdout.write(`${line}\n`);
          out(`${overview.postings} postings from ${overview.enterprises} enterprises in ${overview.imports} imports`);
          out(
            `(${overview.duplicatesDropped} near-duplicates dropped; declared headcount ${overview.declaredHeadcount})`,
          );
          out(`per year: ${overview.years.map((row) => `${row.year} ${row.postings}`).join(', ')}`);
          const generated = imports.items
            .filter((item) => item.fileName === DEMO_POSTINGS_FILE && item.status === 'complete')
            .reduce((sum, item) => sum + item.stored, 0);
          if (generated > 0) {
            out(
              `note: ${generated} of these postings are GENERATED demo postings (${DEMO_POSTINGS_FILE}); figures on them illustrate the product, they are not evidence about the labour market`,
            );
          }
          out();
          out('top competencies (share of postings):');
          for (const row of overview.topCompetencies.slice(0, 10))
            out(`  ${percent(row.share).padStart(7)}  ${row.labelZh} / ${row.labelEn}`);
          for (const [title, rows] of [
            ['rising', trends.rising],
            ['falling', trends.falling],
          ] as const) {
            out();
            out(
              `${title} (Cochran–Armitage over ${trends.years.join('–')}, BH q ≤ ${trends.fdr}; ${trends.tested} tested):`,
            );
            for (const row of rows.filter((item) => item.significant)) {
              out(
                `  z ${row.z.toFixed(1).padStart(5)}  q ${row.q.toExponential(1)}  ${row.changePoints >= 0 ? '+' : ''}${row.changePoints.toFixed(1)} pts  ${row.labelZh ?? row.key} / ${row.labelEn ?? ''}`,
              );
            }
          }
        } finally {
          await runtime.close();
        }
      }),
    );
}
