import type { RegisterCommand } from './commands.ts';
import { openWorkspace, withStoreOptions, type StoreFlags } from './store-options.ts';
import { backup } from '../store/backup.ts';

export const register: RegisterCommand = (program) => {
  withStoreOptions(program.command('backup'))
    .description('write every table of the workspace, files included, to OUT (JSON lines); restore with `luoshi restore`')
    .argument('<out>', 'backup file to write')
    .action(async (out: string, flags: StoreFlags) => {
      const db = await openWorkspace(flags);
      try {
        const counts = await backup(db, out);
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        process.stdout.write(`${out}: ${total} rows from ${Object.keys(counts).length} tables\n`);
      } finally {
        await db.close();
      }
    });
};
