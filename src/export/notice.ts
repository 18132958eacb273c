import type { FileChild } from 'docx';
import type { LivelihoodProject, PlanDoc, TaskRow } from './model.ts';
import {
  addressees, attachmentLabel, body, headingFor, heading1, labelLine, officialDocument, pageBreak, signature, table, title,
  type TableColumn,
} from './official-doc.ts';
import { joinNames } from './unit-list.ts';
import { typeSize } from './fonts.ts';
import { chineseOrdinal } from '../assign/draft-sections.ts';

const suggestedStyle = { colour: '1F4E79', italics: true };

function taskBlock(task: TaskRow): FileChild[] {
  const units = [task.leadUnit, ...task.coUnits].filter((u): u is string => Boolean(u));
  const style = task.suggested ? suggestedStyle : {};
  const blocks: FileChild[] = [body(`${task.no}.${task.text}`)];
  blocks.push(labelLine('牵头领导', joinNames(task.leaders) || '（待定）', style));
  blocks.push(labelLine('责任单位', joinNames(units) || '（待定）', style));
  if (task.deadline) blocks.push(labelLine('完成时限', task.deadline));
  return blocks;
}

/** Districts of a project in first-seen order across its quota rows; cells without a district get blank headers. */
function quotaTable(project: LivelihoodProject): FileChild | undefined {
  if (project.quotas.length === 0) return undefined;
  const districts: string[] = [];
  for (const row of project.quotas) {
    for (const cell of row.cells) if (cell.district && !districts.includes(cell.district)) districts.push(cell.district);
  }
  const unnamed = Math.max(0, ...project.quotas.map((r) => r.cells.filter((c) => !c.district).length));
  const columns: TableColumn[] = [
    { header: '任务分解', share: 3, align: 'left' },
    ...districts.map((d) => ({ header: d, share: 1 })),
    ...Array.from({ length: unnamed }, () => ({ header: '', share: 1 })),
  ];
  const rows = project.quotas.map((row) => {
    const named = districts.map((d) => {
      const cell = row.cells.find((c) => c.district === d);
      return cell === undefined ? '' : String(cell.value);
    });
    const extra = row.cells.filter((c) => !c.district).map((c) => String(c.value));
    return [`${row.label}（${row.unit}）`, ...named, ...extra, ...Array(unnamed - extra.length).fill('')];
  });
  return table(columns, rows, { size: typeSize.五号 });
}

function projectBlock(project: LivelihoodProject): FileChild[] {
  const blocks: FileChild[] = [heading1(`${chineseOrdinal(project.no)}、${project.title}`)];
  blocks.push(labelLine('目标任务', project.goal));
  blocks.push(labelLine('牵头领导', joinNames(project.leaders)));
  blocks.push(labelLine('责任单位', joinNames(project.units)));
  if (project.persons?.length) blocks.push(labelLine('责任人', joinNames(project.persons)));
  if (project.partners?.length) blocks.push(labelLine('配合单位', joinNames(project.partners)));
  const quotas = quotaTable(project);
  if (quotas) blocks.push(quotas, body('', { indent: false }));
  return blocks;
}

/** The title of the covering notice: 关于印发《…》的通知. */
export function noticeTitle(plan: PlanDoc): string {
  const livelihood = plan.livelihood.length ? `和${plan.year}年民生实事项目目标任务责任分解` : '';
  return `${plan.issuer}关于印发${plan.title}${livelihood}的通知`;
}

/**
 * The breakdown notice as .docx: a covering notice (title, addressees,
 * preamble, issuer and date), then the attachment with the numbered tasks
 * under their section headings, each followed by 牵头领导 and 责任单位
 * lines, and the livelihood projects with their quota tables as real tables.
 * Serves both a published plan and the draft breakdown (issue 3), where
 * machine-proposed assignments are set in blue italics.
 */
export function writeBreakdownNotice(plan: PlanDoc): Promise<Uint8Array> {
  const documents = [`《${plan.title}》`, ...(plan.livelihood.length ? [`《${plan.year}年民生实事项目目标任务责任分解》`] : [])];
  const preamble = plan.preamble ?? `现将${documents.join('和')}印发给你们，请结合实际，认真抓好落实。`;
  const children: FileChild[] = [
    ...title(noticeTitle(plan)),
    addressees(plan.addressees ?? '各有关单位'),
    body(preamble),
    ...signature(plan.issuer, plan.date),
    pageBreak(),
    attachmentLabel(),
    ...title(plan.title),
  ];
  for (const section of plan.sections) {
    children.push(headingFor(section.title));
    for (const task of section.tasks) children.push(...taskBlock(task));
  }
  if (plan.livelihood.length) {
    children.push(pageBreak(), ...title(`${plan.year}年民生实事项目目标任务责任分解`));
    for (const project of plan.livelihood) children.push(...projectBlock(project));
  }
  return officialDocument(children, { title: noticeTitle(plan) });
}
