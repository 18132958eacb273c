import { basename } from 'node:path';
import type { RegisterCommand } from './commands.ts';
import { readReport } from './breakdown.ts';
import { readNoticeFile } from './import-breakdown.ts';
import { ExitError } from './main.ts';
import { alignReport, type ItemAlignment } from '../assign/align.ts';
import { parseBreakdown } from '../extract/breakdown/index.ts';

function clip(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n)}…` : text;
}

/** One line per item with its similarity and the report sentence it came from. */
export function alignmentTable(alignments: ItemAlignment[]): string {
  const out: string[] = [];
  for (const a of alignments) {
    out.push(`${String(a.item).padStart(4)}  ${a.similarity.toFixed(2)}  ${clip(a.text, 40)}`);
    out.push(a.sentences.length ? `            ⇐ ${clip(a.sentences.map((s) => s.text).join(''), 60)}  [${a.span!.start}–${a.span!.end}]` : '            ⇐ (no sentence of the report resembles it)');
  }
  const aligned = alignments.filter((a) => a.sentences.length).length;
  out.push('', `${aligned} of ${alignments.length} items aligned`);
  return `${out.join('\n')}\n`;
}

/** Reads the report and the notice, aligns, prints: the whole `luoshi align` command, callable from a test. */
export async function runAlign(reportPath: string, noticePath: string, format: string, stdout: { write(s: string): unknown }): Promise<ItemAlignment[]> {
  if (format !== 'json' && format !== 'table') throw new ExitError(`unknown format "${format}" (json or table)`, 2);
  const report = await readReport(reportPath);
  const notice = parseBreakdown(await readNoticeFile(noticePath));
  const items = notice.sections.flatMap((s) => s.items.map((i) => ({ no: i.no, text: i.text, section: s.title })));
  const alignments = alignReport(report, items);
  if (format === 'table') {
    stdout.write(alignmentTable(alignments));
    return alignments;
  }
  const aligned = alignments.filter((a) => a.sentences.length);
  const summary = {
    items: alignments.length,
    aligned: aligned.length,
    meanSimilarity: aligned.length ? Math.round((aligned.reduce((s, a) => s + a.similarity, 0) / aligned.length) * 1000) / 1000 : 0,
  };
  stdout.write(`${JSON.stringify({ report: basename(reportPath), notice: basename(noticePath), summary, items: alignments }, null, 2)}\n`);
  return alignments;
}

export const register: RegisterCommand = (program) => {
  program
    .command('align')
    .description('for each item of a breakdown notice, the sentence of the same year\'s report it came from')
    .argument('<report>', 'the work report (.txt, .html, .docx, .pdf)')
    .argument('<notice>', 'the breakdown notice (.txt, .docx, .xlsx)')
    .option('--format <format>', 'json or table', 'json')
    .action(async (reportPath: string, noticePath: string, opts: { format: string }) => {
      await runAlign(reportPath, noticePath, opts.format, process.stdout);
    });
};
