import { listZip } from '../../text/docx-zip.ts';
import { extension, readDocument } from '../../text/read.ts';
import { RefusedInput } from '../../text/source.ts';
import type { NoticeInput } from './index.ts';
import { WorkbookRefused } from './xlsx-limits.ts';
import { xlsxTables } from './xlsx-rows.ts';

/** Whether a file is an Excel workbook: named .xlsx, or a zip holding one (a notice saved from Excel under another name). */
export function isWorkbook(bytes: Uint8Array, name: string): boolean {
  if (extension(name) === 'xlsx') return true;
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  try {
    return listZip(bytes, 20_000).some((e) => e.name === 'xl/workbook.xml');
  } catch {
    return false;
  }
}

/**
 * A notice file's bytes as the notice parser takes them: a workbook's sheets as tables,
 * anything else through readDocument (a .docx keeps its paragraphs and tables as blocks).
 * Unreadable input is a RefusedInput with a one-line reason naming the file.
 */
export async function readNotice(bytes: Uint8Array, name: string): Promise<NoticeInput> {
  if (isWorkbook(bytes, name)) {
    try {
      return { text: '', tables: await xlsxTables(bytes) };
    } catch (err) {
      if (err instanceof WorkbookRefused) throw new RefusedInput(name, err.message);
      throw new RefusedInput(name, `not a readable .xlsx workbook (${(err as Error).message})`);
    }
  }
  const doc = await readDocument(bytes, name);
  return { text: doc.text, blocks: doc.blocks };
}

/** A workbook's tables as text, rows one per line with tab-separated cells (how a document's text holds tables). */
export function tablesAsText(tables: string[][][]): string {
  return tables.map((t) => t.map((row) => row.join('\t')).join('\n')).join('\n\n');
}
