/** Columns of an export: a header and how to read a cell from a row. */
export interface ExportColumn<T> {
  title: string;
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

/** Builds the workbook for exactly the rows and columns given (exceljs loads only when asked). */
export async function buildWorkbook<T>(sheetName: string, columns: ExportColumn<T>[], rows: T[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Luoshi';
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.title, width: c.width ?? 14 }));
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? ''));
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return (await workbook.xlsx.writeBuffer()) as ArrayBuffer;
}

export async function downloadXlsx<T>(fileName: string, sheetName: string, columns: ExportColumn<T>[], rows: T[]): Promise<void> {
  const buffer = await buildWorkbook(sheetName, columns, rows);
  const blob = new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
