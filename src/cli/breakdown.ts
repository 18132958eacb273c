import { basename, extname, join } from 'node:path';
import type { RegisterCommand } from './commands.ts';
import { readNoticeFile } from './import-breakdown.ts';
import { ExitError } from './main.ts';
import { draftFromReport, draftTitle, type DraftPlan, type DraftRow } from '../assign/draft.ts';
import { draftMarkdown } from '../assign/draft-markdown.ts';
import { draftIssuer } from '../assign/draft-place.ts';
import { buildModel } from '../assign/suggest.ts';
import { writeBreakdownXlsx } from '../export/breakdown-xlsx.ts';
import type { PlanDoc, TaskRow } from '../export/model.ts';
import { writeBreakdownNotice } from '../export/notice.ts';
import { parseBreakdown } from '../extract/breakdown/index.ts';
import { readDocument } from '../text/read.ts';
import type { SourceDocument } from '../text/source.ts';
import { readInput } from './read-input.ts';
import { writeFileAtomically } from './atomic-file.ts';

const FORMATS = ['json', 'md', 'xlsx', 'docx'] as const;
type Format = (typeof FORMATS)[number];

export interface BreakdownOptions {
  history?: string[];
  format?: string;
  out?: string;
  issuer?: string;
  date?: string;
  addressees?: string;
}

/** Reads a report file through the same readers as `luoshi extract`; a refused file is a clear exit. */
export async function readReport(path: string): Promise<SourceDocument> {
  return readInput(path, readDocument);
}

function taskRow(r: DraftRow): TaskRow {
  const row: TaskRow = {
    // A draft has no store ids yet: rows are keyed by their number, version 0 (docs/exports.md).
    id: `draft-${r.no}`,
    version: 0,
    no: r.no,
    text: r.task,
    leaders: r.leaders,
    coUnits: r.coUnits,
    targets: r.quantities,
    suggested: true,
  };
  if (r.leadUnit) row.leadUnit = r.leadUnit;
  if (r.deadline) row.deadline = r.deadline.phrase;
  return row;
}

/** The draft as the document writers' plan (src/export/model.ts); every assignment is marked machine-proposed. */
export function draftAsPlanDoc(draft: DraftPlan, meta: { issuer?: string; date: string; addressees?: string }): PlanDoc {
  const plan: PlanDoc = {
    title: draftTitle(draft),
    year: draft.year ?? Number(meta.date.slice(0, 4)),
    issuer: meta.issuer ?? draftIssuer(draft.place) ?? '（发文机关）',
    date: meta.date,
    sections: draft.sections.map((s) => ({ title: s.title, tasks: s.rows.map(taskRow) })),
    livelihood: [],
  };
  if (meta.addressees) plan.addressees = meta.addressees;
  return plan;
}

function formatOf(options: BreakdownOptions): Format {
  const given = options.format ?? (options.out ? extname(options.out).slice(1).toLowerCase() : 'json');
  const format = given === 'markdown' ? 'md' : given;
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new ExitError(`unknown format "${options.format ?? given}" (${FORMATS.join(', ')})`, 2);
  }
  return format as Format;
}


/** Reads, drafts, then writes: the whole `luoshi breakdown` command, callable from a test. */
export async function runBreakdown(reportPath: string, options: BreakdownOptions, stdout: { write(s: string): unknown }, today: string): Promise<DraftPlan> {
  const format = formatOf(options);
  if ((format === 'xlsx' || format === 'docx') && !options.out) throw new ExitError(`${format} is a binary document: give --out FILE`, 2);
  if (options.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new ExitError(`--date must be YYYY-MM-DD, not "${options.date}"`, 2);
  const report = await readReport(reportPath);
  const notices = [];
  for (const file of options.history ?? []) notices.push(parseBreakdown(await readNoticeFile(file)));
  const draft = draftFromReport(report, buildModel(notices));
  if (draft.rows.length === 0) throw new ExitError(`${basename(reportPath)}: no plan part with tasks found`, 1);
  const meta = { issuer: options.issuer, date: options.date ?? today, addressees: options.addressees };
  let bytes: Uint8Array;
  if (format === 'xlsx') bytes = await writeBreakdownXlsx(draftAsPlanDoc(draft, meta));
  else if (format === 'docx') bytes = await writeBreakdownNotice(draftAsPlanDoc(draft, meta));
  else {
    const text = format === 'md' ? draftMarkdown(draft, draftTitle(draft)) : `${JSON.stringify(draft, null, 2)}\n`;
    if (!options.out) {
      stdout.write(text);
      return draft;
    }
    bytes = new TextEncoder().encode(text);
  }
  writeFileAtomically(options.out!, bytes);
  return draft;
}

export const register: RegisterCommand = (program) => {
  program
    .command('breakdown')
    .description('draft the breakdown table of a report: tasks with suggested leaders, lead units and co-units, deadlines and figures')
    .argument('<report>', 'the work report (.txt, .html, .docx, .pdf)')
    .option('--history <notice...>', 'past breakdown notices (.txt, .docx, .xlsx) to learn leaders and units from; without them, built-in department duties alone')
    .option('--format <format>', `${FORMATS.join(', ')} (default: from --out's extension, else json)`)
    .option('--out <file>', 'output file (required for xlsx and docx)')
    .option('--issuer <office>', 'issuing office of the notice (default: from the report title, e.g. 宁波市人民政府办公厅)')
    .option('--date <yyyy-mm-dd>', 'date of issue (default: today)')
    .option('--addressees <line>', '主送机关 line of the notice')
    .action(async (report: string, opts: BreakdownOptions) => {
      const draft = await runBreakdown(report, opts, process.stdout, new Date().toISOString().slice(0, 10));
      if (opts.out) process.stderr.write(`luoshi breakdown: ${draft.rows.length} tasks in ${draft.sections.length} sections → ${opts.out}\n`);
    });
};
