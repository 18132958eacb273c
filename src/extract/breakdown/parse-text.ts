import { chromeRule } from '../../text/data/web-chrome.ts';
import type { Message } from '../message.ts';
import { type Field, fieldLine, inlineFieldStart } from './fields.ts';
import { finding, leadUnitMissing } from './findings.ts';
import { headingLeaders } from './leader-titles.ts';
import { type Line, nonEmptyLines } from './lines.ts';
import { chineseNumeral } from './numerals.ts';
import { checkQuota, quotaFromCells, quotaFromRows } from './quota.ts';
import { splitNames } from './split-names.ts';
import type { BreakdownItem, BreakdownNotice, BreakdownSection, LivelihoodProject, Span } from './types.ts';

const HEADING = /^([一二三四五六七八九十]+)\s*[、.．]\s*(.+)$/;
const SUB_HEADING = /^[（(]([一二三四五六七八九十]+)[)）]\s*(.+)$/;
const ITEM = /^(\d{1,3})\s*[.．、]\s*(?!\d)(.+)$/;
const DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const ISSUER = /(人民政府|办公厅|办公室|委员会|管委会|政府)$/;

type Fields = Partial<Record<Field, { value: string; span: Span }>>;

interface OpenItem {
  no: number;
  text: string;
  span: Span;
  fields: Fields;
}

interface OpenProject {
  no: number;
  title: string;
  span: Span;
  fields: Fields;
  rest: Line[];
}


function isHeading(line: string): RegExpExecArray | null {
  return HEADING.exec(line) ?? SUB_HEADING.exec(line);
}

function isItem(line: string): RegExpExecArray | null {
  return ITEM.exec(line);
}

/** A line that names a part of the notice (`2019年市民生实事项目目标任务责任分解`): short, no sentence punctuation. */
function isPartTitle(line: string): boolean {
  return line.length <= 40 && !/[。，,；;：:]/.test(line) && /(分解|分工|方案|清单|项目|任务|安排|计划)$/.test(line);
}

/**
 * Separates the fields written after an item's text on the same line, as
 * `(牵头单位:…;配合单位:…)` or `…。牵头单位:…;配合单位:…`.
 */
function inlineFields(text: string, at: number): { text: string; fields: Fields } {
  const fields: Fields = {};
  let body = text;
  let tail = '';
  const trimmed = text.replace(/[。；;\s]+$/, '');
  if (/[)）]$/.test(trimmed)) {
    let depth = 0;
    for (let i = trimmed.length - 1; i >= 0; i--) {
      const ch = trimmed[i];
      if (ch === ')' || ch === '）') depth++;
      else if (ch === '(' || ch === '（') {
        depth--;
        if (depth === 0) {
          const inner = trimmed.slice(i + 1, -1);
          if (fieldLine(inner)) {
            body = trimmed.slice(0, i);
            tail = inner;
          }
          break;
        }
      }
    }
  }
  if (!tail) {
    const start = inlineFieldStart(text);
    if (start > 0) {
      body = text.slice(0, start);
      tail = text.slice(start);
    }
  }
  if (tail) {
    const offset = at + text.indexOf(tail);
    const parts = tail.split(/[;；]|\s{2,}/);
    let pos = 0;
    for (const part of parts) {
      const f = fieldLine(part);
      const partAt = tail.indexOf(part, pos);
      pos = partAt + part.length;
      if (f) fields[f.field] = { value: f.value, span: { start: offset + partAt, end: offset + pos } };
    }
  }
  return { text: body.trim(), fields };
}

function names(fields: Fields, field: Field): string[] {
  const f = fields[field];
  return f ? splitNames(f.value) : [];
}

function toItem(open: OpenItem, section: BreakdownSection | undefined, findings: Message[]): BreakdownItem {
  const lead = names(open.fields, 'leadUnits');
  const co = names(open.fields, 'coUnits');
  const units = open.fields.units ? names(open.fields, 'units') : [...lead, ...co];
  const leaders = open.fields.leaders ? names(open.fields, 'leaders') : [...(section?.leaders ?? [])];
  const unled = !open.fields.units && lead.length === 0 && co.length > 0;
  const item: BreakdownItem = {
    no: open.no,
    text: open.text,
    leaders,
    units,
    ...(units.length && !unled ? { leadUnit: units[0] } : {}),
    coUnits: unled ? units : units.slice(1),
    span: open.span,
  };
  if (unled) findings.push(leadUnitMissing(item, section?.title ?? ''));
  if (open.fields.deadline) item.deadline = open.fields.deadline.value;
  return item;
}

/**
 * Reads a breakdown notice written as running text: numbered items each
 * followed by `牵头领导:`/`责任单位:` lines (layout "listed"), or items
 * grouped under a heading naming their leader, with `牵头单位:`/`配合单位:`
 * (layout "grouped"). A heading whose block carries a `目标任务:` line is a
 * livelihood project, and the lines after its fields are its quota table.
 */
export function parseNoticeText(text: string): BreakdownNotice {
  const lines = nonEmptyLines(text).filter((l) => !chromeRule(l.text));
  const findings: Message[] = [];
  const bodyStart = lines.findIndex((l) => isHeading(l.text) || isItem(l.text));
  const preamble = bodyStart < 0 ? lines : lines.slice(0, bodyStart);
  const head = readPreamble(preamble);

  const sections: BreakdownSection[] = [];
  const projects: LivelihoodProject[] = [];
  let section: BreakdownSection | undefined;
  let item: OpenItem | undefined;
  let project: OpenProject | undefined;
  let lastField: { fields: Fields; field: Field } | undefined;
  let grouped = false;

  const closeItem = () => {
    if (!item) return;
    if (!section) {
      section = { title: '', leaders: [], items: [], span: item.span };
      sections.push(section);
    }
    section.items.push(toItem(item, section, findings));
    section.span = { start: section.span.start, end: item.span.end };
    item = undefined;
  };
  const closeProject = () => {
    if (!project) return;
    projects.push(toProject(project, findings));
    project = undefined;
  };
  const unrecognised = (l: Line) => findings.push(finding('UNRECOGNISED_LINE', 'info', {
    zh: `未能识别的行:“${l.text.slice(0, 40)}”`,
    en: `line not recognised as an item, a field or a heading: "${l.text.slice(0, 40)}"`,
  }, l, {}));

  const body = bodyStart < 0 ? [] : lines.slice(bodyStart);
  for (let i = 0; i < body.length; i++) {
    const l = body[i];
    const heading = isHeading(l.text);
    if (heading) {
      closeItem();
      closeProject();
      lastField = undefined;
      if (blockHasGoal(body, i + 1)) {
        project = { no: chineseNumeral(heading[1]) ?? projects.length + 1, title: heading[2].trim(), span: { start: l.start, end: l.end }, fields: {}, rest: [] };
        section = undefined;
      } else {
        const leaders = headingLeaders(heading[2]);
        if (leaders) grouped = true;
        section = { title: l.text, leaders: leaders ?? [], items: [], span: { start: l.start, end: l.end } };
        sections.push(section);
      }
      continue;
    }
    if (project) {
      const f = fieldLine(l.text);
      if (f && project.rest.length === 0) {
        project.fields[f.field] = { value: f.value, span: { start: l.start, end: l.end } };
        project.span.end = l.end;
        lastField = { fields: project.fields, field: f.field };
      } else if (lastField && project.rest.length === 0 && /[、,，;；]$/.test(lastField.fields[lastField.field]!.value)) {
        lastField.fields[lastField.field]!.value += l.text;
      } else {
        project.rest.push(l);
        project.span.end = l.end;
      }
      continue;
    }
    const itemMatch = isItem(l.text);
    if (itemMatch) {
      closeItem();
      lastField = undefined;
      const { text: t, fields } = inlineFields(itemMatch[2], l.start + l.text.indexOf(itemMatch[2]));
      item = { no: Number(itemMatch[1]), text: t, span: { start: l.start, end: l.end }, fields };
      continue;
    }
    const f = fieldLine(l.text);
    if (f && item) {
      item.fields[f.field] = { value: f.value, span: { start: l.start, end: l.end } };
      item.span.end = l.end;
      lastField = { fields: item.fields, field: f.field };
      continue;
    }
    if (item && Object.keys(item.fields).length === 0) {
      item.text += l.text;
      item.span.end = l.end;
      continue;
    }
    if (lastField && /[、,，;；]$/.test(lastField.fields[lastField.field]!.value)) {
      lastField.fields[lastField.field]!.value += l.text;
      if (item) item.span.end = l.end;
      continue;
    }
    if (isPartTitle(l.text)) {
      closeItem();
      section = undefined;
      continue;
    }
    unrecognised(l);
  }
  closeItem();
  closeProject();
  return { ...head, layout: grouped ? 'grouped' : 'listed', sections: sections.filter((s) => s.items.length > 0), projects, findings };
}

/** Whether the block that starts at `from` (up to the next heading or item) has a project goal line. */
function blockHasGoal(body: Line[], from: number): boolean {
  for (let j = from; j < body.length; j++) {
    const t = body[j].text;
    if (isHeading(t) || isItem(t)) return false;
    const f = fieldLine(t);
    if (f?.field === 'goal') return true;
  }
  return false;
}

function toProject(open: OpenProject, findings: Message[]): LivelihoodProject {
  const f = open.fields;
  const project: LivelihoodProject = {
    no: open.no,
    title: open.title,
    goal: f.goal?.value ?? '',
    leaders: names(f, 'leaders'),
    units: f.units ? names(f, 'units') : [...names(f, 'leadUnits')],
    people: names(f, 'people'),
    partners: names(f, 'coUnits'),
    span: open.span,
  };
  const where = { project: open.no, title: open.title };
  if (open.rest.length > 0) {
    const tabbed = open.rest.filter((l) => l.text.includes('\t'));
    let reading;
    if (tabbed.length >= 2) {
      const span = { start: tabbed[0].start, end: tabbed[tabbed.length - 1].end };
      reading = { ...quotaFromRows(tabbed.map((l) => l.text.split('\t')), span, where), leftover: [] as Line[] };
    } else {
      reading = quotaFromCells(open.rest, where);
    }
    findings.push(...reading.findings);
    for (const l of reading.leftover) {
      findings.push(finding('UNRECOGNISED_LINE', 'info', {
        zh: `未能识别的行:“${l.text.slice(0, 40)}”`,
        en: `line not recognised as part of the quota table: "${l.text.slice(0, 40)}"`,
      }, l, where));
    }
    for (const row of reading.table.rows) if (!row.label) row.label = open.title;
    if (reading.table.rows.length > 0) {
      const { checks, findings: sumFindings } = checkQuota(reading.table, project.goal, where, reading.table.span);
      reading.table.checks = checks;
      findings.push(...sumFindings);
      project.quota = reading.table;
    }
  }
  return project;
}

function readPreamble(lines: Line[]): { title?: string; issuer?: string; date?: string } {
  const out: { title?: string; issuer?: string; date?: string } = {};
  for (let i = 0; i < lines.length; i++) {
    const m = DATE.exec(lines[i].text);
    if (m && !out.date) {
      out.date = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
      const before = lines[i - 1]?.text;
      if (before && before.length <= 30 && ISSUER.test(before)) out.issuer = before;
    }
  }
  const notice = lines.find((l) => /关于(印发)?.*(通知|方案)$/.test(l.text));
  if (!out.issuer && notice) {
    const m = /^(.{2,30}?)关于/.exec(notice.text);
    if (m) out.issuer = m[1];
  }
  const last = lines[lines.length - 1];
  if (last && isPartTitle(last.text)) out.title = last.text;
  else if (notice) out.title = notice.text;
  return out;
}
