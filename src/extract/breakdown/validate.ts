import type { Message } from '../message.ts';
import { finding } from './findings.ts';
import type { BreakdownSection, LivelihoodProject } from './types.ts';

/**
 * Checks the items of a notice for what a clerk would query: an item with
 * no responsible unit or no leader, numbers that skip or repeat. Numbering
 * may run through the whole notice or restart at 1 in each section.
 */
export function validateItems(sections: BreakdownSection[]): Message[] {
  const findings: Message[] = [];
  const anyLeaders = sections.some((s) => s.items.some((i) => i.leaders.length > 0));
  let expected = 1;
  let seen = new Set<number>();
  for (const section of sections) {
    for (const [index, item] of section.items.entries()) {
      const where = { section: section.title, item: item.no };
      if (index === 0 && item.no === 1 && expected !== 1) {
        expected = 1;
        seen = new Set();
      }
      if (seen.has(item.no)) {
        findings.push(finding('DUPLICATE_NUMBER', 'warning', { zh: `序号${item.no}重复`, en: `item number ${item.no} appears twice` }, item.span, where));
      } else if (item.no > expected) {
        const missing = item.no - expected === 1 ? `${expected}` : `${expected}–${item.no - 1}`;
        findings.push(finding('NUMBERING_GAP', 'warning', { zh: `序号跳过${missing}`, en: `item numbers skip ${missing}` }, item.span, { ...where, missing }));
      } else if (item.no < expected) {
        findings.push(finding('NUMBERING_BACKWARDS', 'warning', { zh: `序号${item.no}排在${expected - 1}之后`, en: `item ${item.no} follows item ${expected - 1}` }, item.span, where));
      }
      seen.add(item.no);
      expected = Math.max(expected, item.no + 1);
      if (item.units.length === 0) {
        findings.push(finding('ITEM_WITHOUT_UNIT', 'warning', { zh: `第${item.no}项没有责任单位`, en: `item ${item.no} names no responsible unit` }, item.span, where));
      }
      if (anyLeaders && item.leaders.length === 0) {
        findings.push(finding('ITEM_WITHOUT_LEADER', 'warning', { zh: `第${item.no}项没有牵头领导`, en: `item ${item.no} names no lead leader` }, item.span, where));
      }
      if (item.text.length === 0) {
        findings.push(finding('ITEM_WITHOUT_TEXT', 'warning', { zh: `第${item.no}项没有任务内容`, en: `item ${item.no} has no task text` }, item.span, where));
      }
    }
  }
  return findings;
}

/** Checks each livelihood project has a goal and a responsible unit. */
export function validateProjects(projects: LivelihoodProject[]): Message[] {
  const findings: Message[] = [];
  for (const p of projects) {
    const where = { project: p.no, title: p.title };
    if (!p.goal) findings.push(finding('PROJECT_WITHOUT_GOAL', 'warning', { zh: `民生实事“${p.title}”没有目标任务`, en: `livelihood project "${p.title}" states no goal` }, p.span, where));
    if (p.units.length === 0) findings.push(finding('PROJECT_WITHOUT_UNIT', 'warning', { zh: `民生实事“${p.title}”没有责任单位`, en: `livelihood project "${p.title}" names no responsible unit` }, p.span, where));
  }
  return findings;
}
