import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { RegisterCommand } from './commands.ts';
import { ExitError } from './main.ts';
import { openWorkspace, withStoreOptions, type StoreFlags } from './store-options.ts';
import { importDocument, type DocumentKind } from '../server/import/import-document.ts';
import { Problem } from '../server/problem.ts';
import { isoDay } from '../server/today.ts';

interface ImportFlags extends StoreFlags {
  org: string;
  year?: string;
  kind?: DocumentKind;
}

export const register: RegisterCommand = (program, setExit) => {
  withStoreOptions(program.command('import'))
    .description('import work reports, half-year reports and breakdown notices into the workspace (each file in one transaction)')
    .argument('<files...>', 'documents (.txt, .html, .docx, .pdf)')
    .option('--org <name>', 'organisation the documents belong to (created as a city when new)', '宁波市')
    .option('--year <year>', 'plan year (default: the year the document states)')
    .option('--kind <kind>', 'report, half-year or notice (default: detected)')
    .action(async (files: string[], flags: ImportFlags) => {
      if (flags.kind && !['report', 'half-year', 'notice'].includes(flags.kind)) throw new ExitError(`unknown kind ${flags.kind}`, 2);
      const db = await openWorkspace(flags);
      try {
        const found = await db.query<{ id: number }>('SELECT id FROM organisations WHERE name = $1 AND archived_at IS NULL', [flags.org]);
        const orgId = found.rows[0]?.id ?? (await db.query<{ id: number }>(`INSERT INTO organisations (name) VALUES ($1) RETURNING id`, [flags.org])).rows[0].id;
        for (const file of files) {
          try {
            const r = await importDocument(db, null, {
              name: basename(file), bytes: readFileSync(file), organisationId: orgId, kind: flags.kind,
              year: flags.year ? Number(flags.year) : undefined, today: isoDay(new Date()),
            });
            process.stdout.write(`${file}: ${r.kind} ${r.year}, ${r.tasks} tasks, ${r.assignments} assignments, ${r.actuals} actuals, ${r.progressReports} progress reports (document ${r.documentId}, plan ${r.planId})\n`);
          } catch (err) {
            if (!(err instanceof Problem) && (err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
            process.stderr.write(`luoshi: ${err instanceof Problem ? err.detail : `${file}: no such file`}\n`);
            setExit(1);
          }
        }
      } finally {
        await db.close();
      }
    });
};
