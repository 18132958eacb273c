import type { Command } from 'commander';
import { StoreLockedError } from '../store/lock.ts';
import { MigrationMismatchError } from '../store/migrate.ts';
import { openStore } from '../store/open.ts';
import type { Db } from '../store/db.ts';
import { ExitError } from './main.ts';

export interface StoreFlags {
  data: string;
}

/** `--data DIR` for the commands that open the workspace store; DATABASE_URL wins when set. */
export function withStoreOptions(cmd: Command): Command {
  return cmd.option('--data <dir>', 'embedded store directory (ignored when DATABASE_URL is set)', './data');
}

export async function openWorkspace(flags: StoreFlags): Promise<Db> {
  try {
    return await openStore({ data: flags.data, url: process.env.DATABASE_URL || undefined });
  } catch (err) {
    if (err instanceof StoreLockedError || err instanceof MigrationMismatchError) throw new ExitError(err.message, 1);
    throw err;
  }
}

export const storeLabel = (db: Db, flags: StoreFlags) => (db.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite at ${flags.data}`);
