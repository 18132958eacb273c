/**
 * Builders for the awkward inputs the reader tests need, written here rather
 * than stored: other encodings of a seed, small .docx packages, hand-made PDFs.
 */
import { zipSync, strToU8 } from 'fflate';
import { join } from 'node:path';

export const corpus = join(import.meta.dirname, '../../../shared/corpus');
export const seed = (name: string) => join(corpus, 'seeds', name);

/** An encoder for a legacy double-byte charset, built from the platform's decoder (which has no encoder). */
function doubleByteEncoder(label: string, trails: [number, number][]): (text: string) => Uint8Array {
  const table = new Map<string, number>();
  const decoder = new TextDecoder(label, { fatal: true });
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (const [lo, hi] of trails) {
      for (let trail = lo; trail <= hi; trail++) {
        try {
          const ch = decoder.decode(new Uint8Array([lead, trail]));
          if (ch.length === 1 && !table.has(ch)) table.set(ch, (lead << 8) | trail);
        } catch { /* not a character in this charset */ }
      }
    }
  }
  return (text) => {
    const out: number[] = [];
    for (const ch of text) {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) { out.push(c); continue; }
      const code = table.get(ch);
      if (code === undefined) throw new Error(`${label} has no two-byte code for ${ch} (U+${c.toString(16)})`);
      out.push(code >> 8, code & 0xff);
    }
    return new Uint8Array(out);
  };
}

let gbk: ((text: string) => Uint8Array) | undefined;
let big5: ((text: string) => Uint8Array) | undefined;
export const encodeGb18030 = (text: string) => (gbk ??= doubleByteEncoder('gb18030', [[0x40, 0x7e], [0x80, 0xfe]]))(text);
export const encodeBig5 = (text: string) => (big5 ??= doubleByteEncoder('big5', [[0x40, 0x7e], [0xa1, 0xfe]]))(text);

export function encodeUtf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = bom ? '\ufeff' + text : text;
  for (let i = 0; i < units.length; i++) {
    const u = units.charCodeAt(i);
    out[2 * i + (endian === 'le' ? 0 : 1)] = u & 0xff;
    out[2 * i + (endian === 'le' ? 1 : 0)] = u >> 8;
  }
  return out;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);
export const withUtf8Bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

/** A .docx package around the given body XML (and numbering definitions, if any). */
export function buildDocx(bodyXml: string, numberingXml?: string, extra: Record<string, string> = {}): Uint8Array {
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'),
    '_rels/.rels': strToU8('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'),
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${bodyXml}<w:sectPr/></w:body></w:document>`),
  };
  if (numberingXml) files['word/numbering.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${numberingXml}</w:numbering>`);
  for (const [k, v] of Object.entries(extra)) files[k] = strToU8(v);
  return zipSync(files);
}

export const para = (text: string, props = '') => `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
export const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="1000"/></w:tcPr>${para(text)}</w:tc>`;
export const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
export const table = (...rows: string[]) => `<w:tbl><w:tblPr/>${rows.join('')}</w:tbl>`;

/** A PDF file from numbered objects (bodies without `n 0 obj`), with a correct cross-reference table. */
export function buildPdf(objects: string[], trailerExtra = ''): Uint8Array {
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(out, (c) => c.charCodeAt(0));
}

const stream = (content: string) => `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;

/** One positioned run of text on a page of a hand-made PDF. */
export interface PdfRun { x: number; y: number; text: string; size?: number }

/**
 * A PDF whose pages show the given runs. ASCII goes through Helvetica;
 * Chinese through a CID font with a ToUnicode map (glyphs are not embedded:
 * only the text layer matters here). Each run is shown as one text item per
 * script change, as real PDFs do.
 */
export function buildTextPdf(pages: PdfRun[][]): Uint8Array {
  const cjk = [...new Set(pages.flat().flatMap((r) => [...r.text].filter((c) => c.charCodeAt(0) > 0x7f)))];
  const cid = new Map(cjk.map((c, i) => [c, i + 1]));
  const hex4 = (n: number) => n.toString(16).padStart(4, '0').toUpperCase();
  const toUnicode = [
    '/CIDInit /ProcSet findresource begin 12 dict begin begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def',
    '1 begincodespacerange <0000> <FFFF> endcodespacerange',
    `${cjk.length} beginbfchar`,
    ...cjk.map((c) => `<${hex4(cid.get(c)!)}> <${hex4(c.charCodeAt(0))}>`),
    'endbfchar endcmap CMapName currentdict /CMap defineresource pop end end',
  ].join('\n');
  const pageIds = pages.map((_, i) => 6 + i * 2);
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 /FontDescriptor << /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] /ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >> >>] /ToUnicode 5 0 R >>`,
    stream(toUnicode),
  ];
  for (const runs of pages) {
    const ops: string[] = [];
    for (const run of runs) {
      const size = run.size ?? 12;
      let x = run.x;
      for (const piece of run.text.match(/[\x00-\x7f]+|[^\x00-\x7f]+/g) ?? []) {
        if (piece.charCodeAt(0) > 0x7f) {
          ops.push(`BT /F2 ${size} Tf ${x} ${run.y} Td <${[...piece].map((c) => hex4(cid.get(c)!)).join('')}> Tj ET`);
          x += [...piece].length * size;
        } else {
          ops.push(`BT /F1 ${size} Tf ${x} ${run.y} Td (${piece.replace(/[()\\]/g, '\\$&')}) Tj ET`);
          x += piece.length * size * 0.55;
        }
      }
    }
    const content = ops.join('\n');
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${objects.length + 2} 0 R >>`);
    objects.push(stream(content));
  }
  return buildPdf(objects);
}

/** A one-page PDF that draws only a filled rectangle: what a scan looks like to a text reader. */
export function buildImageOnlyPdf(): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('0.5 g 50 50 495 742 re f'),
  ]);
}

/** A PDF with a standard-security-handler dictionary whose user password is not empty. */
export function buildEncryptedPdf(): Uint8Array {
  const h32 = (seedByte: number) => Array.from({ length: 32 }, (_, i) => ((seedByte * 31 + i * 17) & 0xff).toString(16).padStart(2, '0')).join('');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>',
    `<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${h32(7)}> /U <${h32(11)}> >>`,
  ], `/Encrypt 4 0 R /ID [<${'ab'.repeat(16)}> <${'ab'.repeat(16)}>] `);
}
