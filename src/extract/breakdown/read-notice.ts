import { decodeText } from '../../text/decode.ts';
import { readDocx } from '../../text/docx.ts';
import type { NoticeInput } from './index.ts';
import { xlsxTables } from './xlsx-rows.ts';

export type NoticeReading = { ok: true; input: NoticeInput; format: 'xlsx' | 'docx' | 'text' } | { ok: false; reason: string };

/**
 * A notice file's bytes as the notice parser takes them: an .xlsx workbook's sheets as
 * tables, a .docx's paragraphs and tables as blocks, anything else as decoded text.
 * `name` only says which reader to try first; a zip claiming another extension is read as .docx.
 */
export async function readNotice(bytes: Uint8Array, name: string): Promise<NoticeReading> {
  const ext = /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
  if (ext === 'xlsx') {
    try {
      return { ok: true, format: 'xlsx', input: { text: '', tables: await xlsxTables(bytes) } };
    } catch (err) {
      return { ok: false, reason: `not a readable .xlsx workbook (${(err as Error).message})` };
    }
  }
  if (ext === 'docx' || (bytes[0] === 0x50 && bytes[1] === 0x4b)) {
    const docx = readDocx(bytes, ext === 'docx');
    return docx.ok ? { ok: true, format: 'docx', input: { text: docx.text, blocks: docx.blocks } } : { ok: false, reason: docx.reason };
  }
  const decoded = decodeText(bytes);
  return decoded.ok ? { ok: true, format: 'text', input: { text: decoded.text } } : { ok: false, reason: decoded.reason };
}

/** A workbook's tables as text, rows one per line with tab-separated cells (how a document's text holds tables). */
export function tablesAsText(tables: string[][][]): string {
  return tables.map((t) => t.map((row) => row.join('\t')).join('\n')).join('\n\n');
}
