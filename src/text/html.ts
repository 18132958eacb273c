import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Block } from './source.ts';
import {
  BLOCK_ELEMENTS, CHROME_CLASS_OR_ID, CONTENT_ELEMENTS, DROPPED_ELEMENTS, DROPPED_ROLES, LAYOUT_MARKERS, PAGE_CHROME_ELEMENTS,
} from './html-elements.ts';

/** A cell holding more text than this is a page laid out in a table, not data. */
const MAX_DATA_CELL_CHARS = 200;

/** The charset a page declares in a meta tag or XML declaration, read from its first bytes. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]
    ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1];
}

/**
 * The visible text of a web page as a reader sees it: scripts, styles,
 * navigation, forms and hidden elements dropped; each block element on its own
 * line; data tables kept as rows of tab-separated cells (and as table blocks).
 */
export function readHtml(html: string): { text: string; blocks: Block[] } {
  const doc = parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const out = new LineSink();
  // An explicit stack instead of recursion: a page nested 100 000 deep must not overflow.
  const stack: { node: ChildNode; exit: boolean }[] = [...doc.children].reverse().map((node) => ({ node, exit: false }));
  let contentDepth = 0;
  const listNumbers = new WeakMap<Element, number>();
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    if (node.type === 'text') { out.text(node.data); continue; }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') continue;
    const el = node as Element;
    const name = el.name;
    if (exit) {
      if (CONTENT_ELEMENTS.has(name)) contentDepth--;
      if (BLOCK_ELEMENTS.has(name)) out.lineBreak();
      continue;
    }
    if (isDropped(el, contentDepth > 0)) continue;
    if (name === 'br') { out.lineBreak(); continue; }
    if (name === 'pre') { out.lineBreak(); out.preformatted(textOf(el, true)); out.lineBreak(); continue; }
    if (name === 'table' && isDataTable(el)) { out.table(tableRows(el)); continue; }
    if (name === 'td' || name === 'th') out.cellGap();
    if (CONTENT_ELEMENTS.has(name)) contentDepth++;
    if (BLOCK_ELEMENTS.has(name) || name === 'tr') out.lineBreak();
    if (name === 'li') out.text(listMarker(el, listNumbers));
    stack.push({ node, exit: true });
    for (let i = el.children.length - 1; i >= 0; i--) stack.push({ node: el.children[i], exit: false });
  }
  out.lineBreak();
  return { text: out.lines.join('\n'), blocks: out.blocks };
}

/** The number a browser shows before an item of a numbered list (`<ol>`, `start`), nothing for bullets. */
function listMarker(li: Element, numbers: WeakMap<Element, number>): string {
  const list = li.parent as Element | null;
  if (!list || list.type !== 'tag' || list.name !== 'ol') return '';
  if (!numbers.has(li)) {
    // numbered once per list, not once per item: a list of 50 000 items stays linear
    let n = Number(list.attribs.start) || 1;
    for (const item of elementChildren(list)) if (item.name === 'li') numbers.set(item, n++);
  }
  return `${numbers.get(li)}. `;
}

function isDropped(el: Element, inContent: boolean): boolean {
  const a = el.attribs;
  if (DROPPED_ELEMENTS.has(el.name) || el.type === 'script' || el.type === 'style') return true;
  if (PAGE_CHROME_ELEMENTS.has(el.name) && !inContent) return true;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  if (a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style)) return true;
  if (a.role && DROPPED_ROLES.has(a.role.toLowerCase())) return true;
  if (!inContent) {
    if (a.id && CHROME_CLASS_OR_ID.has(a.id.toLowerCase())) return true;
    if (a.class && a.class.toLowerCase().split(/\s+/).some((c) => CHROME_CLASS_OR_ID.has(c))) return true;
  }
  return false;
}

/** A table of short cells holds data; one with paragraphs, nested tables or long cells lays out the page. */
function isDataTable(table: Element): boolean {
  const rows = tableRowElements(table);
  if (rows.length === 0) return false;
  const stack: ChildNode[] = [...table.children];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'tag' && LAYOUT_MARKERS.has((n as Element).name)) return false;
    if (n.type === 'tag') for (const c of (n as Element).children) stack.push(c);
  }
  return rows.every((tr) => cellElements(tr).every((td) => textOf(td, false).length <= MAX_DATA_CELL_CHARS));
}

/**
 * The cells of a data table on a grid: a cell spanning columns or rows leaves
 * empty cells in the places it covers, so every value stays under its header.
 */
function tableRows(table: Element): string[][] {
  const rows: string[][] = [];
  /** Per column, how many more rows a cell above still covers. */
  const covered: number[] = [];
  for (const tr of tableRowElements(table)) {
    const row: string[] = [];
    const fillCovered = () => {
      while (covered[row.length] > 0) { covered[row.length]--; row.push(''); }
    };
    for (const td of cellElements(tr)) {
      if (isDropped(td, true)) continue;
      fillCovered();
      const colspan = span(td.attribs.colspan);
      const rowspan = span(td.attribs.rowspan);
      for (let c = 0; c < colspan; c++) {
        if (rowspan > 1) covered[row.length] = rowspan - 1;
        row.push(c === 0 ? textOf(td, false) : '');
      }
    }
    // columns at the end of the row still covered from above
    while (covered.slice(row.length).some((n) => n > 0)) {
      if (covered[row.length] > 0) covered[row.length]--;
      row.push('');
    }
    if (row.some((c) => c)) rows.push(row);
  }
  return rows;
}

function span(attr: string | undefined): number {
  return Math.min(Math.max(1, Number(attr) || 1), 64);
}

function tableRowElements(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of elementChildren(table)) {
    if (c.name === 'tr') rows.push(c);
    else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') for (const r of elementChildren(c)) if (r.name === 'tr') rows.push(r);
  }
  return rows;
}

function cellElements(tr: Element): Element[] {
  return elementChildren(tr).filter((c) => c.name === 'td' || c.name === 'th');
}

function elementChildren(el: Element): Element[] {
  return el.children.filter((c): c is Element => c.type === 'tag');
}

/** The visible text inside an element, collapsed to one line unless preformatted. */
function textOf(el: Element, preformatted: boolean): string {
  const parts: string[] = [];
  const stack: ChildNode[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.data);
    else if (n.type === 'tag') {
      const e = n as Element;
      if (e !== el && isDropped(e, true)) continue;
      if (e.name === 'br') parts.push(preformatted ? '\n' : ' ');
      for (let i = e.children.length - 1; i >= 0; i--) stack.push(e.children[i]);
    }
  }
  const text = parts.join('');
  return preformatted ? text.replace(/\r\n?/g, '\n') : collapse(text);
}

const HTML_SPACE = /[ \t\n\r\f\u00a0]+/g;

function collapse(text: string): string {
  return text.replace(HTML_SPACE, (ws, at: number) => (ws.includes('\n') && isCjk(text.charCodeAt(at - 1)) && isCjk(text.charCodeAt(at + ws.length)) ? '' : ' ')).trim();
}

/** Han characters and CJK punctuation: a line break between two of them in the source is not a space. */
function isCjk(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f);
}

/** Collects lines: runs of inline text joined, whitespace collapsed as a browser would. */
class LineSink {
  readonly lines: string[] = [];
  readonly blocks: Block[] = [];
  private parts: string[] = [];

  text(data: string): void {
    this.parts.push(data);
  }

  /** Table cells of a layout table read as one line, their contents apart. */
  cellGap(): void {
    this.parts.push(' ');
  }

  lineBreak(): void {
    if (this.parts.length === 0) return;
    const line = collapse(this.parts.join(''));
    this.parts = [];
    if (line) {
      this.lines.push(line);
      this.blocks.push({ kind: 'paragraph', text: line });
    }
  }

  preformatted(text: string): void {
    for (const raw of text.split('\n')) {
      const line = raw.replace(/[ \t\u00a0]+$/, '');
      if (line.trim()) {
        this.lines.push(line);
        this.blocks.push({ kind: 'paragraph', text: line });
      }
    }
  }

  table(rows: string[][]): void {
    this.lineBreak();
    if (rows.length === 0) return;
    for (const row of rows) this.lines.push(row.join('\t'));
    this.blocks.push({ kind: 'table', rows });
  }
}
