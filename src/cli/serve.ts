import { serve } from '@hono/node-server';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../project-root.ts';
import type { RegisterCommand } from './commands.ts';
import { openWorkspace, storeLabel, withStoreOptions, type StoreFlags } from './store-options.ts';
import { createApp } from '../server/app.ts';
import { ReadCache, watchWrites } from '../server/read-cache.ts';
import { deliverWebhooks, runReminders } from '../server/reminders.ts';
import { serveWebApp } from '../server/static.ts';
import { clockFrom, isoDay } from '../server/today.ts';
import { ExitError } from './main.ts';
import { ensureAdmin } from '../server/users.ts';
import { randomPassword } from '../server/auth/password.ts';

export const SEEDS_DIR = join(PROJECT_ROOT, '../shared/corpus/seeds/');
const HOUR = 3_600_000;

interface ServeFlags extends StoreFlags {
  port: string;
  host: string;
  demo?: boolean;
  seeds: string;
  today?: string;
}

export const register: RegisterCommand = (program) => {
  withStoreOptions(program.command('serve'))
    .description('run the workspace: the API at /api and the web app at /')
    .option('--port <n>', 'port', '8080')
    .option('--host <host>', 'interface to listen on', '127.0.0.1')
    .option('--demo', 'build the demo workspace from the seed documents (done anyway on an empty store)')
    .option('--seeds <dir>', 'seed documents for the demo workspace', SEEDS_DIR)
    .option('--today <YYYY-MM-DD>', 'start the workspace clock on this day (to see the demo as it stood in 2020); time then runs on')
    .action(async (flags: ServeFlags) => {
      let now = () => new Date();
      try {
        if (flags.today) now = clockFrom(flags.today);
      } catch (err) {
        throw new ExitError((err as Error).message, 2);
      }
      const db = await openWorkspace(flags);
      const log = (s: string) => process.stdout.write(s + '\n');
      const admin = await ensureAdmin(db, process.env.LUOSHI_ADMIN_PASSWORD);
      if (admin.password) log(`first admin: user "admin", password ${admin.password} (shown once; set LUOSHI_ADMIN_PASSWORD to choose it)`);
      const empty = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM organisations')).rows[0].n === 0;
      if (flags.demo || empty) {
        const password = process.env.LUOSHI_DEMO_PASSWORD || randomPassword();
        const { buildDemo } = await import('../server/demo.ts');
        const demo = await buildDemo(db, flags.seeds, isoDay(now()), password);
        for (const d of demo.imported) log(`demo: ${d.file} → ${d.organisation} ${d.year} (${d.kind}): ${d.tasks} tasks, ${d.assignments} assignments, ${d.progressReports} progress reports`);
        if (demo.missing.length) log(`demo: seed documents not found in ${flags.seeds}: ${demo.missing.join(', ')}`);
        if (demo.users.length) log(`demo accounts ${demo.users.map((u) => u.username).join(', ')}: password ${password}`);
      }
      // One watched store for the app and the background jobs: the daily run's status changes
      // clear cached pages as the app's own writes do.
      const readCache = new ReadCache();
      const store = watchWrites(db, readCache);
      const app = createApp({ db: store, readCache, now });
      const web = serveWebApp(app, join(PROJECT_ROOT, 'web/dist'));
      const stopping = new AbortController();
      const running = new Set<Promise<unknown>>();
      const background = (name: string, job: () => Promise<string | null>) => {
        const started = Date.now();
        const p = job().then(
          (done) => { if (done) log(`${name}: ${done} (${((Date.now() - started) / 1000).toFixed(1)} s)`); },
          (e) => console.error(`${name}:`, e),
        ).finally(() => running.delete(p));
        running.add(p);
      };
      const remind = () => background('reminders', async () => {
        const r = await runReminders(store, isoDay(now()), stopping.signal);
        return `${r.notifications} notifications, ${r.statusChanges} status changes`;
      });
      const deliver = () => background('webhooks', async () => {
        const r = await deliverWebhooks(store, new Date()); // real time: deliveries are scheduled by the database clock
        return r.delivered + r.failed ? `${r.delivered} delivered, ${r.failed} failed` : null;
      });
      const timers = [setInterval(remind, 6 * HOUR), setInterval(deliver, 60_000)];
      remind();
      const server = serve({ fetch: app.fetch, port: Number(flags.port), hostname: flags.host });
      await new Promise<void>((resolve, reject) => {
        server.once('listening', resolve);
        server.once('error', reject);
      });
      log(`luoshi serving ${storeLabel(db, flags)} at http://${flags.host}:${flags.port}/${web ? '' : ' (API only: web/dist not built)'}${flags.today ? `, clock started on ${flags.today}` : ''}`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          for (const t of timers) clearInterval(t);
          stopping.abort();
          server.close(() => resolve());
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      // A job still running finishes its transaction before the store closes under it.
      await Promise.allSettled([...running]);
      await db.close();
    });
};
