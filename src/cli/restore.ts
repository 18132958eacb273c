import type { RegisterCommand } from './commands.ts';
import { ExitError } from './main.ts';
import { openWorkspace, withStoreOptions, type StoreFlags } from './store-options.ts';
import { restore, RestoreRefusedError } from '../store/backup.ts';

export const register: RegisterCommand = (program) => {
  withStoreOptions(program.command('restore'))
    .description('load a backup into an empty store (PGlite or DATABASE_URL); a non-empty store is refused')
    .argument('<in>', 'backup file written by `luoshi backup`')
    .action(async (file: string, flags: StoreFlags) => {
      const db = await openWorkspace(flags);
      try {
        const counts = await restore(db, file);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        process.stdout.write(`${file}: ${total} rows restored into ${Object.keys(counts).length} tables\n`);
      } catch (err) {
        if (err instanceof RestoreRefusedError) throw new ExitError(err.message, 1);
        throw err;
      } finally {
        await db.close();
      }
    });
};
