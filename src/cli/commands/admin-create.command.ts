import type { Command } from 'commander';
import { DomainError } from '../../core/errors/domain-error.js';
import { createPlatformAdmin } from '../../services/admin-service.js';
import { readSecret } from '../read-secret.js';
import { openRuntime } from '../runtime.js';
import { runCommand } from '../run-command.js';

export function registerAdminCommands(program: Command): void {
  const admin = program.command('admin').description('Platform administrators');
  admin
    .command('create')
    .description(
      'Create a platform administrator (the first one after installing). The password is asked for, never passed as an argument.',
    )
    .requiredOption('--email <email>', 'e-mail address (the login)')
    .requiredOption('--name <name>', 'display name')
    .option('--password-stdin', 'read the password from standard input (for scripts)')
    .option('--json', 'print the result as JSON')
    .action((options: { email: string; name: string; passwordStdin?: boolean; json?: boolean }) =>
      runCommand(async () => {
        if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(options.email)) {
          throw new DomainError('VALIDATION_FAILED', `--email: not an e-mail address: ${options.email}`, {
            field: 'email',
          });
        }
        const password = await readSecret(options.passwordStdin === true);
        const runtime = await openRuntime();
        try {
          const created = await createPlatformAdmin(runtime.services, {
            email: options.email,
            displayName: options.name,
            password,
          });
          if (options.json) process.stdout.write(`${JSON.stringify(created)}\n`);
          else process.stdout.write(`Platform administrator ${options.email} created.\n`);
        } finally {
          await runtime.close();
        }
      }),
    );
}
