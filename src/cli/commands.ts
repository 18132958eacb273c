import type { Command } from 'commander';
import { register as importBreakdown } from './import-breakdown.ts';
import { register as suggest } from './suggest.ts';
import { register as extract } from './extract.ts';
import { register as render } from './render.ts';
import { register as reconcile } from './reconcile.ts';
import { register as breakdown } from './breakdown.ts';
import { register as align } from './align.ts';
import { register as serve } from './serve.ts';
import { register as importDocuments } from './import.ts';
import { register as backup } from './backup.ts';
import { register as restore } from './restore.ts';
import { register as user } from './user.ts';

/**
 * Each CLI command lives in its own file and exports a `register` function;
 * add it to this list. `setExit` lets a command report a non-zero exit code
 * without throwing (e.g. some files refused, the rest written).
 */
export type RegisterCommand = (program: Command, setExit: (code: number) => void) => void;

export const commands: RegisterCommand[] = [
  importBreakdown,
  suggest,
  extract,
  render,
  reconcile,
  breakdown,
  align,
  serve,
  importDocuments,
  backup,
  restore,
  user,
];
