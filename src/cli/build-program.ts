import { Command } from 'commander';
import { readPackageVersion } from '../server/package-root.js';
import { registerAdminCommands } from './commands/admin-create.command.js';
import { registerBackupCommand } from './commands/backup.command.js';
import { registerRestoreCommand } from './commands/restore.command.js';
import { registerDemoCommand } from './commands/demo.command.js';
import { registerDiffCommand } from './commands/diff.command.js';
import { registerExportCommands } from './commands/export.command.js';
import { registerFrameworksCommand } from './commands/frameworks.command.js';
import { registerImportCommands } from './commands/import.command.js';
import { registerLinkCommands } from './commands/link.command.js';
import { registerDemandCommand } from './commands/demand.command.js';
import { registerSpansCommand } from './commands/spans.command.js';
import { registerGroupsCommand } from './commands/groups.command.js';
import { registerPathwayCommand } from './commands/pathway.command.js';
import { registerPlanCommand } from './commands/plan.command.js';
import { registerReviseCommand } from './commands/revise.command.js';
import { registerRosterCommand } from './commands/roster.command.js';
import { registerCoursesCommand } from './commands/courses.command.js';
import { registerMigrateCommand } from './commands/migrate.command.js';
import { registerServeCommand } from './commands/serve.command.js';
import { registerStatsCommand } from './commands/stats.command.js';
import { EXIT } from './exit-codes.js';

/**
 * The `zerodock` command tree. Program options (`--version`, `--help`) are recognised only before the subcommand
 * (positional options), so a subcommand may have an option of the same name: `courses export-plan --version 1`
 * is the plan's version, not the program's.
 */
export function buildProgram(): Command {
  const program = new Command();
  program
    .name('zerodock')
    .description(
      'Zerodock 零距离 — productive service outsourcing talent training.\n' +
        'Data: embedded PGlite in ZERODOCK_DATA_DIR (default ./.zerodock), or PostgreSQL when DATABASE_URL is set.',
    )
    .version(readPackageVersion())
    .enablePositionalOptions()
    .showHelpAfterError()
    .exitOverride((error) => {
      process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
    });

  registerServeCommand(program);
  registerMigrateCommand(program);
  registerDemoCommand(program);
  registerAdminCommands(program);
  registerStatsCommand(program);
  registerBackupCommand(program);
  registerRestoreCommand(program);
  registerImportCommands(program);
  registerExportCommands(program);
  registerDiffCommand(program);
  registerFrameworksCommand(program);
  registerLinkCommands(program);
  registerSpansCommand(program);
  registerDemandCommand(program);
  registerGroupsCommand(program);
  registerPlanCommand(program);
  registerCoursesCommand(program);
  registerPathwayCommand(program);
  registerReviseCommand(program);
  registerRosterCommand(program);
  return program;
}
