import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegisterCommand } from './commands.ts';
import { ExitError } from './main.ts';
import type { BulletinInput, PlanDoc, ReviewInput } from '../export/model.ts';
import { writeLedger } from '../export/ledger.ts';
import { diffLedger } from '../export/ledger-import.ts';
import { writeBreakdownXlsx } from '../export/breakdown-xlsx.ts';
import { writeBreakdownNotice } from '../export/notice.ts';
import { writeBulletin, writeBulletinPdf } from '../export/bulletin.ts';
import { writeReviewDocx, writeReviewMarkdown } from '../export/review.ts';
import type { SheetLayout } from '../export/task-workbook.ts';
import { writeFileAtomically } from './atomic-file.ts';

/** Each document kind: the input it reads (src/export/model.ts) and how it writes. */
const kinds = {
  ledger: { input: 'PlanDoc', write: (data: unknown, o: RenderOptions) => writeLedger(data as PlanDoc, { layout: o.layout }) },
  'breakdown-xlsx': { input: 'PlanDoc', write: (data: unknown) => writeBreakdownXlsx(data as PlanDoc) },
  notice: { input: 'PlanDoc', write: (data: unknown) => writeBreakdownNotice(data as PlanDoc) },
  bulletin: { input: 'BulletinInput', write: (data: unknown) => writeBulletin(data as BulletinInput) },
  'bulletin-pdf': { input: 'BulletinInput', write: (data: unknown) => writeBulletinPdf(data as BulletinInput) },
  'review-docx': { input: 'ReviewInput', write: (data: unknown) => writeReviewDocx(data as ReviewInput) },
  'review-md': { input: 'ReviewInput', write: async (data: unknown) => new TextEncoder().encode(writeReviewMarkdown(data as ReviewInput)) },
} as const;

type Kind = keyof typeof kinds;
const layouts: SheetLayout[] = ['single', 'by-section', 'by-unit'];

export interface RenderOptions { out?: string; layout?: SheetLayout }

/** The keys each input type must have; enough to refuse the wrong file with a clear message. */
const requiredKeys: Record<string, string[]> = {
  PlanDoc: ['title', 'year', 'issuer', 'date', 'sections', 'livelihood'],
  BulletinInput: ['issuer', 'date', 'period', 'plan', 'units'],
  ReviewInput: ['year', 'entries'],
};

function readInput(path: string, type: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ExitError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 2);
  }
  const missing = requiredKeys[type].filter((k) => typeof data !== 'object' || data === null || !(k in data));
  if (missing.length) throw new ExitError(`${path} is not a ${type} (src/export/model.ts): missing ${missing.join(', ')}`, 2);
  return data;
}


/** Renders one document from a JSON input; Markdown may go to stdout, binary documents need --out. */
export async function runRender(kind: string, inputPath: string, options: RenderOptions, stdout: { write(s: string): unknown }): Promise<void> {
  if (!(kind in kinds)) throw new ExitError(`unknown document "${kind}" (use ${Object.keys(kinds).join(', ')})`, 2);
  if (options.layout && !layouts.includes(options.layout)) throw new ExitError(`unknown layout "${options.layout}" (use ${layouts.join(', ')})`, 2);
  const spec = kinds[kind as Kind];
  if (!options.out && kind !== 'review-md') throw new ExitError(`${kind} is a binary document: give --out FILE`, 2);
  const bytes = await spec.write(readInput(inputPath, spec.input), options);
  if (options.out) writeFileAtomically(options.out, bytes);
  else stdout.write(new TextDecoder().decode(bytes));
}

export const register: RegisterCommand = (program) => {
  program
    .command('render')
    .description(`write a document from its JSON input (src/export/model.ts): ${Object.keys(kinds).join(', ')}`)
    .argument('<kind>', 'document kind')
    .argument('<input>', 'JSON file: PlanDoc, BulletinInput or ReviewInput')
    .option('--out <file>', 'output file (required except for review-md)')
    .option('--layout <layout>', `ledger sheets: ${layouts.join(', ')}`)
    .action(async (kind: string, input: string, opts: RenderOptions) => {
      await runRender(kind, input, opts, process.stdout);
    });
  program
    .command('ledger-diff')
    .description('compare a ledger workbook edited offline with the current plan (PlanDoc JSON); prints the changes as JSON Lines')
    .argument('<plan>', 'PlanDoc JSON of the current data')
    .argument('<workbook>', '.xlsx written by `luoshi render ledger`')
    .action(async (planPath: string, workbookPath: string) => {
      const plan = readInput(planPath, 'PlanDoc') as PlanDoc;
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(readFileSync(workbookPath));
      } catch (err) {
        throw new ExitError(`cannot read ${workbookPath}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 2);
      }
      const diff = await diffLedger(plan, bytes);
      for (const change of diff.changes) process.stdout.write(`${JSON.stringify(change)}\n`);
      process.stderr.write(`luoshi ledger-diff: ${diff.rowsRead} rows read, ${diff.changes.length} changes\n`);
    });
};
