import { DomainError } from '../core/errors/domain-error.js';

/**
 * Reads a password: from standard input when asked (first line), otherwise typed at a terminal prompt twice
 * without echo. Refuses when there is neither.
 */
export async function readSecret(fromStdin: boolean): Promise<string> {
  if (fromStdin) {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
    if (!line) throw new DomainError('VALIDATION_FAILED', 'No password on standard input', { field: 'password' });
    return line;
  }
  if (!process.stdin.isTTY) {
    throw new DomainError('VALIDATION_FAILED', 'No terminal to ask for the password: use --password-stdin', {
      field: 'password',
    });
  }
  const first = await prompt('Password: ');
  const second = await prompt('Repeat password: ');
  if (first !== second) throw new DomainError('VALIDATION_FAILED', 'The two passwords differ', { field: 'password' });
  return first;
}

function prompt(question: string): Promise<string> {
  return new Promise((resolve) => {
    process.stderr.write(question);
    const stdin = process.stdin;
    stdin.setRawMode(true);
    stdin.resume();
    let value = '';
    const onData = (data: Buffer) => {
      for (const character of data.toString('utf8')) {
        if (character === '\r' || character === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.removeListener('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (character === '\u0003') process.exit(130);
        if (character === '\u007f') value = value.slice(0, -1);
        else value += character;
      }
    };
    stdin.on('data', onData);
  });
}
