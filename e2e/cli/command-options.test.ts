import type { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/build-program.js';

/** Every command that runs something (no subcommands of its own), with its path from the program. */
function leaves(command: Command, path: string[] = []): { path: string[]; command: Command }[] {
  if (command.commands.length === 0) return [{ path, command }];
  return command.commands.flatMap((child) => leaves(child, [...path, child.name()]));
}

/** Arguments that satisfy a command's required arguments and options, with `option` given too. */
function argumentsFor(command: Command, option: Option): string[] {
  const args = command.registeredArguments.filter((argument) => argument.required).map(() => 'x');
  for (const other of command.options) {
    if (other === option || !other.mandatory) continue;
    args.push(other.long ?? other.short ?? '', '1');
  }
  args.push(option.long ?? option.short ?? '');
  if (option.required || option.optional) args.push('1');
  return args;
}

describe('zerodock options', () => {
  const program = buildProgram();
  const programFlags = new Set(program.options.flatMap((option) => [option.long, option.short]).filter(Boolean));

  it('names the program version only before a subcommand', () => {
    expect(programFlags).toContain('--version');
    const collisions = leaves(program).flatMap(({ path, command }) =>
      command.options
        .filter((option) => programFlags.has(option.long))
        .map((option) => `${path.join(' ')} ${option.long}`),
    );
    // A subcommand option named like a program option is fine only because options are positional; this list
    // shows which ones the next test proves reach their subcommand.
    expect(collisions).toEqual(['courses export-plan --version']);
  });

  it('hands every option of every subcommand to that subcommand, none to the program', async () => {
    const failures: string[] = [];
    for (const { path, command } of leaves(program)) {
      for (const option of command.options) {
        const fresh = buildProgram();
        let target: Command = fresh;
        for (const name of path) target = target.commands.find((child) => child.name() === name)!;
        let received: Record<string, unknown> | null = null;
        target.action(function (this: Command) {
          received = this.opts();
        });
        for (const node of [fresh, ...leaves(fresh).map((leaf) => leaf.command)]) {
          node.exitOverride();
          node.configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
        }
        for (const parent of fresh.commands) parent.exitOverride();
        const label = `${path.join(' ')} ${option.long ?? option.short}`;
        try {
          await fresh.parseAsync(['node', 'zerodock', ...path, ...argumentsFor(command, option)]);
        } catch (error) {
          failures.push(`${label}: ${(error as Error).message}`);
          continue;
        }
        const value = (received as Record<string, unknown> | null)?.[option.attributeName()];
        if (value === undefined) failures.push(`${label}: did not reach the subcommand`);
      }
    }
    expect(failures).toEqual([]);
  });
});
