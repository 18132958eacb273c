import type { Command } from 'commander';

/**
 * Each CLI command lives in its own file and exports a `register` function.
 * `setExit` lets a command report a non-zero exit code without throwing
 * (e.g. some files refused, the rest written).
 */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

type CommandModule = () => Promise<{ register: RegisterCommand }>;

/**
 * Command name → its module, loaded only when that command runs: the server,
 * database and office libraries cost seconds to import, which `extract`
 * should not pay. Add a line here for a new command.
 */
export const commandModules: Record<string, CommandModule> = {
  extract: () => import('./extract.ts'),
  'import-breakdown': () => import('./import-breakdown.ts'),
  suggest: () => import('./suggest.ts'),
  breakdown: () => import('./breakdown.ts'),
  align: () => import('./align.ts'),
  reconcile: () => import('./reconcile.ts'),
  render: () => import('./render.ts'),
  'ledger-diff': () => import('./render.ts'),
  serve: () => import('./serve.ts'),
  import: () => import('./import.ts'),
  export: () => import('./export.ts'),
  backup: () => import('./backup.ts'),
  restore: () => import('./restore.ts'),
  user: () => import('./user.ts'),
};

/** The modules to register for these arguments: the named command's alone, or all of them for help. */
export async function commandsFor(argv: string[]): Promise<RegisterCommand[]> {
  const name = argv.find((a) => !a.startsWith('-'));
  const loaders = name && commandModules[name]
    ? [commandModules[name]]
    : [...new Set(Object.values(commandModules))];
  const modules = await Promise.all(loaders.map((load) => load()));
  return [...new Set(modules.map((m) => m.register))];
}
