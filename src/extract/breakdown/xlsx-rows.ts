import ExcelJS from 'exceljs';
import { checkWorkbookSize, WorkbookRefused, XLSX_LIMITS, type XlsxLimits } from './xlsx-limits.ts';

/**
 * The sheets of an .xlsx workbook as tables of cell texts, the input
 * adapter for task tables kept in Excel. A merged cell gives its text to
 * every cell it covers, so a leader merged over several rows reaches each.
 * A formula reads as the value Excel cached for it (never evaluated here).
 * Bytes in, rows out: the caller reads the file. A workbook too large for a
 * task table is refused (WorkbookRefused) before it is loaded.
 */
export async function xlsxTables(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): Promise<string[][][]> {
  checkWorkbookSize(bytes, limits);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const tables: string[][][] = [];
  let cells = 0;
  workbook.eachSheet((sheet) => {
    // Row numbers can jump (one row numbered 1 000 000): the rows a sheet spans count, not the rows it writes.
    if (sheet.rowCount > limits.maxRows) throw new WorkbookRefused(`sheet ${sheet.name} reaches row ${sheet.rowCount}, more than the ${limits.maxRows} a task table holds`);
    const rows: string[][] = [];
    let width = 0;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const cellsOfRow: string[] = [];
      // Only cells with content: a styled cell far to the right must not widen every row.
      sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, col) => { cellsOfRow[col - 1] = (cell.text ?? '').trim(); });
      width = Math.max(width, cellsOfRow.length);
      rows.push(cellsOfRow);
    }
    cells += width * rows.length;
    if (cells > limits.maxCells) throw new WorkbookRefused(`workbook spans more than ${limits.maxCells} cells, more than a task table holds`);
    tables.push(rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? '')));
  });
  return tables;
}
