import ExcelJS from "exceljs";

// Every list exports through here: the same columns to .csv (UTF-8 with BOM, so Excel opens Chinese correctly)
// or .xlsx. Callers pass rows already limited to the user's scope and already masked.

export type ExportFormat = "csv" | "xlsx";
export type ExportColumn<T> = { header: string; value: (row: T) => string | number | null | undefined; width?: number };

/** The most rows one export returns; larger lists should be narrowed with filters first. */
export const EXPORT_ROW_LIMIT = 50_000;

function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  // Cells starting with = + - @ would run as formulas when opened in a spreadsheet (CSV injection).
  if (/^[=+\-@\t\r]/.test(s) && typeof value === "string") s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv<T>(columns: ExportColumn<T>[], rows: T[]): string {
  const lines = [columns.map((c) => csvCell(c.header)).join(",")];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

export async function toXlsx<T>(columns: ExportColumn<T>[], rows: T[], sheetName = "Sheet1"): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 4) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A file download (the name may be Chinese: an ASCII fallback plus the RFC 5987 UTF-8 name). */
export function downloadResponse(body: BodyInit, contentType: string, fileName: string, headers: Record<string, string> = {}): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}

/** A download response for `baseName` (Chinese allowed) in the chosen format. */
export async function exportResponse<T>(format: ExportFormat, baseName: string, columns: ExportColumn<T>[], rows: T[]): Promise<Response> {
  const fileName = `${baseName}.${format}`;
  if (format === "csv") return downloadResponse(toCsv(columns, rows), "text/csv; charset=utf-8", fileName);
  const body = await toXlsx(columns, rows, baseName.slice(0, 31));
  return downloadResponse(new Uint8Array(body), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName);
}

export function parseExportFormat(value: string | null): ExportFormat {
  return value === "csv" ? "csv" : "xlsx";
}
