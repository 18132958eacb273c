import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import type { RegisterCommand } from './commands.ts';
import { openWorkspace, storeLabel, withStoreOptions, type StoreFlags } from './store-options.ts';
import { createApp } from '../server/app.ts';
import { deliverWebhooks, runReminders } from '../server/reminders.ts';
import { serveWebApp } from '../server/static.ts';
import { isoDay } from '../server/today.ts';
import { ensureAdmin } from '../server/users.ts';
import { randomPassword } from '../server/auth/password.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS_DIR = fileURLToPath(new URL('../../../shared/corpus/seeds/', import.meta.url));
const HOUR = 3_600_000;

interface ServeFlags extends StoreFlags {
  port: string;
  host: string;
  demo?: boolean;
  seeds: string;
}

export const register: RegisterCommand = (program) => {
  withStoreOptions(program.command('serve'))
    .description('run the workspace: the API at /api and the web app at /')
    .option('--port <n>', 'port', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--demo', 'build the demo workspace from the seed documents (done anyway on an empty store)')
    .option('--seeds <dir>', 'seed documents for the demo workspace', SEEDS_DIR)
    .action(async (flags: ServeFlags) => {
      const db = await openWorkspace(flags);
      const log = (s: string) => process.stdout.write(s + '\n');
      const admin = await ensureAdmin(db, process.env.LUOSHI_ADMIN_PASSWORD);
      if (admin.password) log(`first admin: user "admin", password ${admin.password} (shown once; set LUOSHI_ADMIN_PASSWORD to choose it)`);
      const empty = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations')).rows[0].n === 0;
      if (flags.demo || empty) {
        const password = process.env.LUOSHI_DEMO_PASSWORD || randomPassword();
        const { buildDemo } = await import('../server/demo.ts');
        const demo = await buildDemo(db, flags.seeds, isoDay(new Date()), password);
        for (const d of demo.imported) log(`demo: ${d.file} → ${d.organisation} ${d.year} (${d.kind}): ${d.tasks} tasks, ${d.assignments} assignments, ${d.progressReports} progress reports`);
        if (demo.missing.length) log(`demo: seed documents not found in ${flags.seeds}: ${demo.missing.join(', ')}`);
        if (demo.users.length) log(`demo accounts ${demo.users.map((u) => u.username).join(', ')}: password ${password}`);
      }
      const app = createApp({ db });
      const web = serveWebApp(app, REPO + 'web/dist');
      const timers = [
        setInterval(() => { void runReminders(db, isoDay(new Date())).catch((e) => console.error('reminders:', e)); }, 6 * HOUR),
        setInterval(() => { void deliverWebhooks(db, new Date()).catch((e) => console.error('webhooks:', e)); }, 60_000),
      ];
      void runReminders(db, isoDay(new Date())).catch((e) => console.error('reminders:', e));
      const server = serve({ fetch: app.fetch, port: Number(flags.port), hostname: flags.host });
      await new Promise<void>((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', reject);
      });
      log(`luoshi serving ${storeLabel(db, flags)} at http://${flags.host}:${flags.port}/${web ? '' : ' (API only: web/dist not built)'}`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          for (const t of timers) clearInterval(t);
          server.close(() => resolve());
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await db.close();
    });
};
