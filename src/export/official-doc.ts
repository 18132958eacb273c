import {
  AlignmentType, Document, Footer, LineRuleType, Packer, PageBreak, PageNumber, Paragraph, Table, TableCell,
  TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType, BorderStyle, type FileChild,
} from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { fontTableEntries, officialFonts, typeSize, type FontRoleName } from './fonts.ts';

/**
 * Building blocks of an official document laid out after GB/T 9704
 * (plain version, no red header): A4, margins 37/35/28/26 mm, body in
 * 仿宋_GB2312 三号 at a fixed 28 pt line pitch (22 lines of 28 characters
 * on the 156 × 225 mm type area), headings 黑体 then 楷体_GB2312, page
 * numbers "— 1 —" in 宋体 四号, right on odd pages and left on even ones.
 */

const twipsPerMm = 1440 / 25.4;
export const mm = (n: number): number => Math.round(n * twipsPerMm);
const halfPoints = (pt: number): number => Math.round(pt * 2);

export const pageLayout = {
  width: mm(210),
  height: mm(297),
  margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), header: mm(15), footer: mm(25) },
};
/** Width of the type area (版心), 156 mm. */
export const textWidth = pageLayout.width - pageLayout.margin.left - pageLayout.margin.right;

const bodyPt = typeSize.三号;
/** Fixed line pitch of body text: 28 pt, the common practice that yields 22 lines a page. */
const linePitch = 28 * 20;
/** Two characters of body text: the first-line indent and the 右空二字 of signatures. */
const twoChars = bodyPt * 2 * 20;

function fontFor(role: FontRoleName) {
  const name = officialFonts[role].name;
  return { ascii: name, hAnsi: name, eastAsia: name, cs: name };
}

export interface RunStyle {
  role?: FontRoleName;
  size?: number;
  bold?: boolean;
  colour?: string;
  italics?: boolean;
}

export function run(text: string, style: RunStyle = {}): TextRun {
  return new TextRun({
    text,
    font: fontFor(style.role ?? 'body'),
    size: halfPoints(style.size ?? bodyPt),
    bold: style.bold,
    italics: style.italics,
    color: style.colour,
  });
}

const bodySpacing = { line: linePitch, lineRule: LineRuleType.EXACT, before: 0, after: 0 };

/** Characters of 二号 type on one line of the 156 mm type area, less a margin so lines are not crammed. */
const titleLineCapacity = 19;

/**
 * Splits a title into lines of near-equal width (GB/T 9704 asks for a
 * trapezoid or diamond, never a lone character on the last line); runs of
 * Latin letters and digits stay whole and count half width.
 */
export function titleLines(text: string, capacity = titleLineCapacity): string[] {
  const tokens = text.match(/[A-Za-z0-9.%\-]+|./gu) ?? [];
  const width = (t: string) => (/^[\x00-\x7f]+$/.test(t) ? t.length / 2 : t.length);
  const total = tokens.reduce((s, t) => s + width(t), 0);
  const count = Math.ceil(total / capacity);
  if (count <= 1) return [text];
  const target = total / count;
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const token of tokens) {
    if (used + width(token) / 2 > target && lines.length < count - 1 && line) {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += token;
    used += width(token);
  }
  lines.push(line);
  return lines;
}

/** The document title: 方正小标宋简体 二号, centred in balanced lines, followed by one empty line. */
export function title(text: string): Paragraph[] {
  const lines = titleLines(text);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 35 * 20, lineRule: LineRuleType.EXACT },
      children: lines.map((line, i) => new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        font: fontFor('title'),
        size: halfPoints(typeSize.二号),
      })),
    }),
    blank(),
  ];
}

export function blank(): Paragraph {
  return new Paragraph({ spacing: bodySpacing, children: [run('')] });
}

/** 主送机关: flush left, ending in a full-width colon. */
export function addressees(text: string): Paragraph {
  return new Paragraph({ spacing: bodySpacing, children: [run(`${text.replace(/[:：]$/, '')}：`)] });
}

/** A body paragraph, first line indented two characters. */
export function body(text: string | TextRun[], options: { indent?: boolean; align?: 'left' | 'justify' } = {}): Paragraph {
  return new Paragraph({
    spacing: bodySpacing,
    alignment: options.align === 'left' ? AlignmentType.LEFT : AlignmentType.JUSTIFIED,
    indent: options.indent === false ? undefined : { firstLine: twoChars },
    children: typeof text === 'string' ? [run(text)] : text,
  });
}

/** A first-level heading (一、…) in 黑体. */
export function heading1(text: string): Paragraph {
  return new Paragraph({ spacing: bodySpacing, indent: { firstLine: twoChars }, keepNext: true, children: [run(text, { role: 'heading1' })] });
}

/** A second-level heading (（一）…) in 楷体_GB2312. */
export function heading2(text: string): Paragraph {
  return new Paragraph({ spacing: bodySpacing, indent: { firstLine: twoChars }, keepNext: true, children: [run(text, { role: 'heading2' })] });
}

/** The heading level a numbered title carries: 一、 is 1, （一） is 2, anything else 1. */
export function headingFor(text: string): Paragraph {
  return /^[（(][一二三四五六七八九十百]+[）)]/.test(text.trim()) ? heading2(text) : heading1(text);
}

/** A labelled line such as 牵头领导：陈仲朝. */
export function labelLine(label: string, value: string, style: RunStyle = {}): Paragraph {
  return body([run(`${label}：`), run(value, style)]);
}

/** `2019-03-01` → `2019年3月1日`, Arabic numerals as GB/T 9704-2012 writes the date of issue. */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** 发文机关署名 and 成文日期, right-aligned below an empty line (no seal in the plain version). */
export function signature(issuer: string, isoDate: string): Paragraph[] {
  return [
    blank(),
    blank(),
    new Paragraph({ spacing: bodySpacing, alignment: AlignmentType.RIGHT, indent: { right: twoChars }, children: [run(issuer)] }),
    new Paragraph({ spacing: bodySpacing, alignment: AlignmentType.RIGHT, indent: { right: twoChars * 2 }, children: [run(chineseDate(isoDate))] }),
  ];
}

export function pageBreak(): Paragraph {
  return new Paragraph({ children: [new PageBreak()] });
}

/** 附件 label at the top left of an attachment page, in 黑体. */
export function attachmentLabel(text = '附件'): Paragraph {
  return new Paragraph({ spacing: bodySpacing, children: [run(text, { role: 'heading1' })] });
}

const cellBorder = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function cellParagraph(text: string, options: { bold?: boolean; align?: 'left' | 'center' | 'right'; size: number }): Paragraph[] {
  const alignment = options.align === 'left' ? AlignmentType.LEFT : options.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  return text.split('\n').map((line) => new Paragraph({
    alignment,
    spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 20, after: 20 },
    children: [run(line, { role: options.bold ? 'heading1' : 'table', size: options.size })],
  }));
}

export interface TableColumn {
  header: string;
  /** Share of the type area's width; shares are normalised. */
  share: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  /** Fill colour (hex RGB) per body cell. */
  fills?: (string | undefined)[][];
  /** Type size in points; 小四 by default, 五号 for wide tables. */
  size?: number;
}

/** A real Word table filling the type area: 黑体 header row repeated on each page, 宋体 cells. */
export function table(columns: TableColumn[], rows: string[][], options: TableOptions = {}): Table {
  const fills = options.fills ?? [];
  const size = options.size ?? typeSize.小四;
  const total = columns.reduce((s, c) => s + c.share, 0);
  const widths = columns.map((c) => Math.floor((c.share / total) * textWidth));
  const borders = { top: cellBorder, bottom: cellBorder, left: cellBorder, right: cellBorder };
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      borders,
      shading: { fill: 'F2F2F2' },
      children: cellParagraph(c.header, { bold: true, size }),
    })),
  });
  const body = rows.map((cells, r) => new TableRow({
    cantSplit: true,
    children: columns.map((c, i) => new TableCell({
      width: { size: widths[i], type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      borders,
      shading: fills[r]?.[i] ? { fill: fills[r][i] } : undefined,
      children: cellParagraph(cells[i] ?? '', { align: c.align, size }),
    })),
  }));
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [header, ...body],
  });
}

function pageNumberFooter(align: 'left' | 'right'): Footer {
  return new Footer({
    children: [new Paragraph({
      alignment: align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
      indent: align === 'right' ? { right: typeSize.四号 * 20 } : { left: typeSize.四号 * 20 },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fontFor('table'), size: halfPoints(typeSize.四号) })],
    })],
  });
}

/** Adds w:altName fallbacks for the official fonts to word/fontTable.xml. */
function withFontFallbacks(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const path = 'word/fontTable.xml';
  if (!files[path]) return docx;
  const xml = strFromU8(files[path]);
  const entries = fontTableEntries();
  const patched = xml.includes('</w:fonts>')
    ? xml.replace('</w:fonts>', `${entries}</w:fonts>`)
    : xml.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${entries}</w:fonts>`);
  files[path] = strToU8(patched);
  return zipSync(files);
}

/** Packs blocks into an A4 official document and returns the .docx bytes. */
export async function officialDocument(children: FileChild[], meta: { title: string; creator?: string }): Promise<Uint8Array> {
  const document = new Document({
    title: meta.title,
    creator: meta.creator ?? 'Luoshi',
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontFor('body'), size: halfPoints(bodyPt) },
          paragraph: { spacing: bodySpacing },
        },
      },
    },
    sections: [{
      properties: {
        page: {
          size: { width: pageLayout.width, height: pageLayout.height },
          margin: pageLayout.margin,
        },
      },
      footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
      children,
    }],
  });
  return withFontFallbacks(new Uint8Array(await Packer.toBuffer(document)));
}
