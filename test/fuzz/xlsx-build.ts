import { strToU8, unzipSync, zipSync } from 'fflate';
import { deflatedEntry, zipWith } from './zip-build.ts';

/**
 * Hand-written .xlsx packages: a sheet of any length streamed through the
 * compressor row block by row block, so a million-row workbook costs a few
 * megabytes of memory to build, never the hundred megabytes of its XML.
 */
const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const WORKBOOK = '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="重点工作" sheetId="1" r:id="rId1"/></sheets></workbook>';
const WORKBOOK_RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';
const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One cell: text inline, a number, or a formula with (or without) the value Excel cached for it. */
export type CellSpec = string | number | { formula: string; cached?: string | number };

const COLUMNS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Row `r`'s XML (exceljs needs every row and cell numbered, though Excel does not). */
export function rowXml(r: number, cells: CellSpec[]): string {
  return `<row r="${r}">${cells.map((c, i) => {
    const ref = ` r="${COLUMNS[i]}${r}"`;
    if (typeof c === 'number') return `<c${ref}><v>${c}</v></c>`;
    if (typeof c === 'string') return `<c${ref} t="inlineStr"><is><t>${escapeXml(c)}</t></is></c>`;
    const type = typeof c.cached === 'string' ? ' t="str"' : '';
    return `<c${ref}${type}><f>${escapeXml(c.formula)}</f>${c.cached === undefined ? '' : `<v>${escapeXml(String(c.cached))}</v>`}</c>`;
  }).join('')}</row>`;
}

/** A small workbook whose one sheet holds exactly the given XML rows. */
export function smallWorkbook(rowsXml: string): Uint8Array {
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(RELS),
    'xl/workbook.xml': strToU8(WORKBOOK),
    'xl/_rels/workbook.xml.rels': strToU8(WORKBOOK_RELS),
    'xl/worksheets/sheet1.xml': strToU8(SHEET_HEAD + rowsXml + SHEET_TAIL),
  });
}

/** A workbook whose sheet is `blocks` blocks of row XML, compressed as they are made (see deflatedEntry for `crc`). */
export async function streamedWorkbook(blocks: number, blockXml: (i: number) => string, crc = true): Promise<Uint8Array> {
  const sheet = await deflatedEntry('xl/worksheets/sheet1.xml', blocks + 2, (i) => strToU8(i === 0 ? SHEET_HEAD : i === blocks + 1 ? SHEET_TAIL : blockXml(i - 1)), crc);
  const small = unzipSync(smallWorkbook(''));
  delete small['xl/worksheets/sheet1.xml'];
  return zipWith(small, sheet);
}

