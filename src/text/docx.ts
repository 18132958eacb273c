import { Parser } from 'htmlparser2';
import type { Block } from './source.ts';
import { listZip, readZipEntry, ZipError, type ZipEntry } from './docx-zip.ts';
import { ListCounter, NO_NUMBERING, parseNumbering } from './docx-numbering.ts';
import { READ_LIMITS, type ReadLimits } from './read-limits.ts';
import { bomEncoding } from './decode.ts';
import { markupRefusal } from './read-markup-depth.ts';

export type DocxResult = { ok: true; text: string; blocks: Block[] } | { ok: false; reason: string };

/** Other zip-based formats, named so a refusal tells the person what they handed in. */
const OTHER_ZIP_FORMATS: [part: string, what: string][] = [
  ['xl/workbook.xml', 'an Excel workbook (.xlsx)'],
  ['ppt/presentation.xml', 'a PowerPoint presentation (.pptx)'],
  ['content.xml', 'an OpenDocument file (.odt/.ods)'],
];

/**
 * Reads a .docx: the body's paragraphs and tables in document order, with
 * automatic list numbers made visible. A table becomes one line per row with
 * tab-separated cells in the text, and a table block with its cells.
 */
export function readDocx(bytes: Uint8Array, claimsDocx: boolean, limits: ReadLimits = READ_LIMITS): DocxResult {
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes, limits.maxDocxEntries);
  } catch (err) {
    return { ok: false, reason: `${claimsDocx ? 'corrupt .docx' : 'unreadable zip archive'}: ${(err as Error).message}` };
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  try {
    const main = byName.get(mainPartName(bytes, byName) ?? 'word/document.xml') ?? byName.get('word/document.xml');
    if (!main) {
      const other = OTHER_ZIP_FORMATS.find(([part]) => byName.has(part));
      if (other) return { ok: false, reason: `not a text document: ${other[1]}` };
      return { ok: false, reason: claimsDocx ? 'corrupt .docx: no word/document.xml' : 'a zip archive that is not a .docx (no word/document.xml)' };
    }
    const part = (name: string) => {
      const e = byName.get(name);
      if (!e) return undefined;
      const xml = xmlText(readZipEntry(bytes, e, limits.maxDocxPartBytes));
      const refusal = markupRefusal(name, xml, limits);
      if (refusal) throw new ZipError(refusal);
      return xml;
    };
    const numberingXml = part('word/numbering.xml');
    const stylesXml = part('word/styles.xml');
    const numbering = numberingXml ? parseNumbering(numberingXml) : NO_NUMBERING;
    const styleNumbering = stylesXml ? parseStyleNumbering(stylesXml) : new Map<string, NumRef>();
    const blocks = parseBody(part(main.name)!, new ListCounter(numbering), styleNumbering);
    return { ok: true, text: blocksToText(blocks), blocks };
  } catch (err) {
    if (err instanceof ZipError) return { ok: false, reason: `corrupt .docx: ${err.message}` };
    throw err;
  }
}

/** The text of blocks as SourceDocument carries it: one line per paragraph and per table row. */
export function blocksToText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'paragraph' ? b.text : b.rows.map((r) => r.join('\t')).join('\n'))).join('\n');
}

/** The main part named by the package relationships (nearly always word/document.xml; a damaged list is passed over). */
function mainPartName(bytes: Uint8Array, byName: Map<string, ZipEntry>): string | undefined {
  const rels = byName.get('_rels/.rels');
  if (!rels) return undefined;
  let xml: string;
  try {
    xml = xmlText(readZipEntry(bytes, rels, 1024 * 1024));
  } catch {
    return undefined;
  }
  const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(xml);
  const target = m && /Target="([^"]+)"/.exec(m[0]);
  return target ? target[1].replace(/^\//, '') : undefined;
}

function xmlText(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  return new TextDecoder(bom ?? 'utf-8').decode(bytes);
}

interface NumRef { numId: string; ilvl: number }

/** Paragraph styles that carry list numbering (headings numbered through their style). */
function parseStyleNumbering(xml: string): Map<string, NumRef> {
  const own = new Map<string, Partial<NumRef> & { basedOn?: string }>();
  let current: (Partial<NumRef> & { basedOn?: string }) | undefined;
  const parser = new Parser({
    onopentag(name, a) {
      if (name === 'w:style') {
        current = a['w:type'] === 'paragraph' ? {} : undefined;
        if (current) own.set(a['w:styleId'], current);
      } else if (current && name === 'w:basedOn') current.basedOn = a['w:val'];
      else if (current && name === 'w:numId') current.numId = a['w:val'];
      else if (current && name === 'w:ilvl') current.ilvl = Number(a['w:val'] ?? 0);
    },
    onclosetag(name) { if (name === 'w:style') current = undefined; },
  }, { xmlMode: true });
  parser.end(xml);
  const resolved = new Map<string, NumRef>();
  for (const id of own.keys()) {
    let style = own.get(id);
    for (let depth = 0; style && depth < 10 && style.numId === undefined; depth++) style = style.basedOn ? own.get(style.basedOn) : undefined;
    if (style?.numId && style.numId !== '0') resolved.set(id, { numId: style.numId, ilvl: style.ilvl ?? own.get(id)?.ilvl ?? 0 });
  }
  return resolved;
}

interface ParagraphState { kind: 'paragraph'; parts: string[]; numId?: string; ilvl?: number; style?: string; inProps: boolean }
interface CellState { kind: 'cell'; parts: string[]; span: number }
interface TableState { kind: 'table'; rows: string[][]; row?: string[] }
type Container = ParagraphState | CellState | TableState;

/** Elements whose content is not the document's visible text. */
const SKIPPED = new Set(['mc:Fallback', 'w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:tblPr', 'w:trPr', 'w:sectPr']);

function parseBody(xml: string, lists: ListCounter, styleNumbering: Map<string, NumRef>): Block[] {
  const blocks: Block[] = [];
  const stack: Container[] = [];
  let skipDepth = 0;
  let inText = false;
  /** The current run is hidden text (`w:vanish`), which Word does not show or print. */
  let hiddenRun = false;
  const top = () => stack[stack.length - 1];
  const paragraph = () => {
    const t = top();
    return t?.kind === 'paragraph' ? t : undefined;
  };
  const inCell = () => stack.some((c) => c.kind === 'cell');

  const parser = new Parser({
    onopentag(name, a) {
      if (skipDepth > 0 || SKIPPED.has(name)) { skipDepth++; return; }
      const p = paragraph();
      switch (name) {
        case 'w:p': stack.push({ kind: 'paragraph', parts: [], inProps: false }); break;
        case 'w:pPr': if (p) p.inProps = true; break;
        case 'w:pStyle': if (p?.inProps) p.style = a['w:val']; break;
        case 'w:numId': if (p?.inProps) p.numId = a['w:val']; break;
        case 'w:ilvl': if (p?.inProps) p.ilvl = Number(a['w:val'] ?? 0); break;
        case 'w:r': hiddenRun = false; break;
        case 'w:vanish': if (p && !p.inProps) hiddenRun = a['w:val'] !== '0' && a['w:val'] !== 'false'; break;
        case 'w:t': inText = true; break;
        case 'w:tab': if (p && !p.inProps) p.parts.push(inCell() ? ' ' : '\t'); break;
        case 'w:br': case 'w:cr': if (p && !p.inProps) p.parts.push(inCell() ? ' ' : '\n'); break;
        case 'w:noBreakHyphen': if (p) p.parts.push('-'); break;
        case 'w:tbl': stack.push({ kind: 'table', rows: [] }); break;
        case 'w:tr': { const t = top(); if (t?.kind === 'table') t.row = []; break; }
        case 'w:tc': stack.push({ kind: 'cell', parts: [], span: 1 }); break;
        case 'w:gridSpan': {
          const cell = top();
          if (cell?.kind === 'cell') cell.span = Math.min(Math.max(1, Number(a['w:val']) || 1), 64);
          break;
        }
      }
    },
    ontext(text) {
      const p = paragraph();
      if (inText && !hiddenRun && skipDepth === 0 && p) p.parts.push(text);
    },
    onclosetag(name) {
      if (skipDepth > 0) { skipDepth--; return; }
      switch (name) {
        case 'w:t': inText = false; break;
        case 'w:pPr': { const p = paragraph(); if (p) p.inProps = false; break; }
        case 'w:p': {
          const p = stack.pop() as ParagraphState;
          const text = label(p) + p.parts.join('');
          const parent = top();
          if (parent?.kind === 'cell') parent.parts.push(text);
          else if (text.trim()) blocks.push({ kind: 'paragraph', text: text.trim() });
          break;
        }
        case 'w:tc': {
          const cell = stack.pop() as CellState;
          const t = top();
          const text = cell.parts.join(' ').replace(/\s+/g, ' ').trim();
          // a merged cell is padded with empty ones so the columns after it stay in place
          if (t?.kind === 'table' && t.row) t.row.push(text, ...Array<string>(cell.span - 1).fill(''));
          break;
        }
        case 'w:tr': {
          const t = top();
          if (t?.kind === 'table' && t.row) {
            if (t.row.some((c) => c)) t.rows.push(t.row);
            t.row = undefined;
          }
          break;
        }
        case 'w:tbl': {
          const t = stack.pop() as TableState;
          const parent = top();
          if (parent?.kind === 'cell') parent.parts.push(t.rows.map((r) => r.filter(Boolean).join(' ')).join(' '));
          else if (parent?.kind === 'paragraph') parent.parts.push(t.rows.map((r) => r.join(' ')).join(' '));
          else if (t.rows.length) blocks.push({ kind: 'table', rows: t.rows });
          break;
        }
      }
    },
  }, { xmlMode: true });

  function label(p: ParagraphState): string {
    const ref = p.numId !== undefined ? { numId: p.numId, ilvl: p.ilvl ?? 0 } : p.style ? styleNumbering.get(p.style) : undefined;
    if (!ref || ref.numId === '0') return '';
    return lists.next(ref.numId, p.ilvl ?? ref.ilvl);
  }
  parser.end(xml);
  return blocks;
}
