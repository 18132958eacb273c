import type { DraftPlan, DraftRow } from './draft.ts';

const COLUMNS = ['序号', '工作任务', '牵头领导', '牵头单位', '配合单位', '完成时限', '指标'];

/** A table cell: pipes escaped, line breaks flattened, so one row stays one line. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ').trim();
}

function row(r: DraftRow): string {
  const figures = [...r.indicators, ...r.qualitative];
  const values = [String(r.no), r.task, r.leaders.join('、'), r.leadUnit ?? '', r.coUnits.join('、'), r.deadline?.phrase ?? '', figures.join('；')];
  return `| ${values.map(cell).join(' | ')} |`;
}

/**
 * The draft breakdown as Markdown: one table per section with the columns
 * of a breakdown table. Leaders and units are machine-proposed; the heading
 * says so, since a draft read out of context must not pass for a decision.
 */
export function draftMarkdown(plan: DraftPlan, title: string): string {
  const out = [`# ${title}`, '', `> 草稿：牵头领导、牵头单位、配合单位由系统据历年分解和部门职责建议，须经人工审定。来源：${plan.source}`];
  for (const section of plan.sections) {
    out.push('', `## ${section.title}`, '', `| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map(() => ' --- ').join('|')}|`);
    for (const r of section.rows) out.push(row(r));
  }
  return `${out.join('\n')}\n`;
}
