import { isDomainError } from '../core/errors/domain-error.js';
import { EXIT, exitCodeOf } from './exit-codes.js';

/**
 * Runs a command body: a domain error prints its message (no stack) and exits with its sysexits code; any
 * other error prints its message and exits 1. Long-running commands (serve) keep the process alive.
 */
export async function runCommand(body: () => Promise<unknown>, options: { keepAlive?: boolean } = {}): Promise<void> {
  try {
    await body();
    if (!options.keepAlive) process.exitCode = EXIT.ok;
  } catch (error) {
    if (isDomainError(error)) {
      process.stderr.write(`zerodock: ${error.message}\n`);
      process.exit(exitCodeOf(error.code));
    }
    process.stderr.write(`zerodock: ${error instanceof Error ? error.message : String(error)}\n`);
    if (process.env.ZERODOCK_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    process.exit(EXIT.failure);
  }
}
