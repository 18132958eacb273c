import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisterCommand } from './commands.ts';
import { ExitError } from './main.ts';
import { openWorkspace, withStoreOptions, type StoreFlags } from './store-options.ts';
import type { Db } from '../store/db.ts';
import { dataDictionaryFile, DOCUMENT_KINDS, LEDGER_LAYOUTS, writeDocument, type DocumentKind } from '../server/exports/documents.ts';
import type { DocumentFile } from '../server/exports/download.ts';
import { parsePeriod } from '../server/exports/periods.ts';
import { Problem } from '../server/problem.ts';
import { isoDay } from '../server/today.ts';
import { writeFileAtomically } from './atomic-file.ts';

export interface ExportFlags extends StoreFlags {
  plan?: string;
  out?: string;
  layout?: string;
  period?: string;
  issuer?: string;
  date?: string;
}

/** The plan to export: the one asked for, or the workspace's only plan. */
async function choosePlan(db: Db, wanted: string | undefined): Promise<number> {
  const { rows } = await db.query<{ id: number; year: number; title: string }>(
    'SELECT id, year, title FROM plans WHERE archived_at IS NULL ORDER BY id');
  if (wanted !== undefined) {
    const id = Number(wanted);
    if (!rows.some((p) => p.id === id)) throw new ExitError(`no plan ${wanted} in the workspace (plans: ${rows.map((p) => p.id).join(', ') || 'none'})`, 2);
    return id;
  }
  if (rows.length === 1) return rows[0].id;
  if (!rows.length) throw new ExitError('the workspace has no plan yet: import a report or a breakdown notice first', 1);
  throw new ExitError(`the workspace has ${rows.length} plans; choose one with --plan:\n${rows.map((p) => `  ${p.id}  ${p.year}  ${p.title}`).join('\n')}`, 2);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** As writeFileAtomically, with the failure as the CLI reports it. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  try {
    writeFileAtomically(path, bytes);
  } catch (err) {
    throw new ExitError(`cannot write ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 1);
  }
}

/** Writes one document of a workspace plan as the office sees it (every task); returns the path written, or '-' for stdout. */
export async function runExport(kind: string, flags: ExportFlags, stdout: { write(s: string | Uint8Array): unknown }): Promise<string> {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) throw new ExitError(`unknown document "${kind}" (use ${DOCUMENT_KINDS.join(', ')})`, 2);
  if (flags.layout !== undefined && !(flags.layout in LEDGER_LAYOUTS)) throw new ExitError(`unknown layout "${flags.layout}" (use ${Object.keys(LEDGER_LAYOUTS).join(', ')})`, 2);
  if (kind.startsWith('bulletin') && !(flags.period && parsePeriod(flags.period))) throw new ExitError('a bulletin needs --period like 2020-06, 2020Q2 or 2020H1', 2);
  if (flags.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(flags.date)) throw new ExitError(`--date must be YYYY-MM-DD, not "${flags.date}"`, 2);
  const file = kind === 'data-dictionary' ? dataDictionaryFile() : await fromWorkspace(kind as DocumentKind, flags);
  if (flags.out === '-') {
    stdout.write(file.bytes);
    return '-';
  }
  const path = !flags.out ? file.name : isDirectory(flags.out) ? join(flags.out, file.name) : flags.out;
  writeAtomically(path, file.bytes);
  return path;
}

async function fromWorkspace(kind: DocumentKind, flags: ExportFlags): Promise<DocumentFile> {
  const db = await openWorkspace(flags);
  try {
    return await writeDocument(db, kind, {
      planId: await choosePlan(db, flags.plan), today: flags.date ?? isoDay(new Date()),
      layout: flags.layout as keyof typeof LEDGER_LAYOUTS | undefined, period: flags.period, issuer: flags.issuer,
    });
  } catch (err) {
    if (err instanceof Problem) throw new ExitError(err.detail ?? err.title, err.status === 400 ? 2 : 1);
    throw err;
  } finally {
    await db.close();
  }
}

export const register: RegisterCommand = (program) => {
  withStoreOptions(program.command('export'))
    .description(`write a document of a workspace plan: ${DOCUMENT_KINDS.join(', ')}`)
    .argument('<kind>', 'document kind')
    .option('--plan <id>', 'plan id (default: the only plan)')
    .option('--out <file>', 'output file, or a directory for the document\'s own name (default: its own name here; - for stdout)')
    .option('--layout <layout>', `ledger sheets: ${Object.keys(LEDGER_LAYOUTS).join(', ')}`)
    .option('--period <period>', 'bulletin period: 2020-06, 2020Q2, 2020H1')
    .option('--issuer <office>', 'issuing office (default: <organisation>人民政府办公室)')
    .option('--date <date>', 'date the statuses stand at and of issue (default: today, UTC+8)')
    .action(async (kind: string, flags: ExportFlags) => {
      const path = await runExport(kind, flags, process.stdout);
      if (path !== '-') process.stderr.write(`luoshi export: ${path}\n`);
    });
};
