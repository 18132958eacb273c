import { basename } from 'node:path';
import type { RegisterCommand } from './commands.ts';
import { ExitError } from './main.ts';
import { type BreakdownNotice, type NoticeInput, parseBreakdown } from '../extract/breakdown/index.ts';
import { readNotice } from '../extract/breakdown/read-notice.ts';
import { readInput } from './read-input.ts';

/**
 * Reads a notice file into what the notice parser takes (`readNotice`, shared with the
 * import route): a workbook through xlsxTables, anything else through readDocument, with
 * the same one-line refusals as `extract`.
 */
export async function readNoticeFile(path: string): Promise<NoticeInput> {
  return readInput(path, readNotice);
}

/** The notice as a person reads it in a terminal: items, projects with their quota rows, then the findings. */
export function noticeAsTable(notice: BreakdownNotice): string {
  const out: string[] = [];
  out.push(`${notice.title ?? '(no title)'}  ${notice.issuer ?? ''}  ${notice.date ?? ''}  [${notice.layout}]`);
  for (const section of notice.sections) {
    out.push('', section.title);
    for (const item of section.items) {
      out.push(`${String(item.no).padStart(4)}  ${item.text}`);
      out.push(`      牵头领导: ${item.leaders.join('、') || '—'}   牵头单位: ${item.leadUnit ?? '—'}   配合单位: ${item.coUnits.join('、') || '—'}${item.deadline ? `   完成时限: ${item.deadline}` : ''}`);
    }
  }
  for (const p of notice.projects) {
    out.push('', `民生实事 ${p.no}. ${p.title}`, `      目标任务: ${p.goal}`, `      牵头领导: ${p.leaders.join('、')}   责任单位: ${p.units.join('、')}`);
    for (const row of p.quota?.rows ?? []) {
      out.push(`      ${row.label}${row.unit ? `(${row.unit})` : ''}: ${row.cells.map((c) => `${c.scope ?? '?'} ${c.raw}`).join(', ')}`);
    }
    for (const c of p.quota?.checks ?? []) out.push(`      合计 ${c.row}: ${c.sum} / ${c.goal} ${c.ok ? 'ok' : 'MISMATCH'}`);
  }
  out.push('', `findings: ${notice.findings.length}`);
  for (const f of notice.findings) out.push(`  ${f.severity.padEnd(7)} ${f.code}  ${f.message.zh} | ${f.message.en}`);
  return out.join('\n') + '\n';
}

export const register: RegisterCommand = (program) => {
  program
    .command('import-breakdown')
    .description('read a breakdown notice (.txt, .docx, .xlsx): items, leaders, units, livelihood projects, quota checks and findings')
    .argument('<file>', 'the notice')
    .option('--format <format>', 'json or table', 'json')
    .action(async (file: string, opts: { format: string }) => {
      if (opts.format !== 'json' && opts.format !== 'table') throw new ExitError(`unknown format "${opts.format}" (json or table)`, 2);
      const notice = parseBreakdown(await readNoticeFile(file));
      process.stdout.write(opts.format === 'json' ? `${JSON.stringify({ file: basename(file), ...notice }, null, 2)}\n` : noticeAsTable(notice));
    });
};
