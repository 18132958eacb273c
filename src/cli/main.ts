import { Command, CommanderError } from 'commander';
import { commandsFor } from './commands.ts';

/** Exit-code carrying error: commands throw it instead of calling process.exit. */
export class ExitError extends Error {
  constructor(message: string, readonly code: number) {
    super(message);
  }
}

/** Runs the CLI with the given arguments and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('luoshi')
    .description('落实 Luoshi: government work reports into tracked, checkable results')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  let exitCode = 0;
  for (const register of await commandsFor(argv)) register(program, (code) => { exitCode = code; });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof ExitError) {
      if (err.message) process.stderr.write(`luoshi: ${err.message}\n`);
      return err.code;
    }
    process.stderr.write(`luoshi: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    return 1;
  }
}
