import ExcelJS from 'exceljs';

/**
 * The sheets of an .xlsx workbook as tables of cell texts, the input
 * adapter for task tables kept in Excel. A merged cell gives its text to
 * every cell it covers, so a leader merged over several rows reaches each.
 * Bytes in, rows out: the caller reads the file.
 */
export async function xlsxTables(bytes: Uint8Array): Promise<string[][][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  const tables: string[][][] = [];
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    const width = sheet.columnCount;
    for (let r = 1; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push((row.getCell(c).text ?? '').trim());
      rows.push(cells);
    }
    tables.push(rows);
  });
  return tables;
}
