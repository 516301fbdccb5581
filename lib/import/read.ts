import ExcelJS from "exceljs";
import { AppError } from "@/lib/errors";
import { CsvFormatError, decodeText, parseCsv } from "@/lib/import/csv";
import { sniffKind } from "@/lib/storage/sniff";
import { zipBombRefusal } from "@/lib/storage/office-policy";

// Reading an uploaded spreadsheet. The type is decided by the bytes, not the file name: .xlsx is a ZIP holding
// an xl/ folder; CSV is text (no NUL bytes). Rows keep the numbers the user sees: the header is row 1.

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_DATA_ROWS = 50_000;
export const DATA_SHEET_NAME = "导入数据";

export type Sheet = { header: string[]; rows: { row: number; cells: string[] }[] };
export type FileType = "xlsx" | "csv";

const invalid = (message: string) => new AppError("VALIDATION", message, { file: [message] });

export function detectFileType(bytes: Uint8Array): FileType {
  if (bytes.byteLength === 0) throw invalid("文件是空的");
  const head = bytes.subarray(0, 8);
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    if (sniffKind(bytes) === "xlsx") {
      // Bounded before ExcelJS inflates anything: a small upload must not unpack to gigabytes (ZIP bomb).
      const bomb = zipBombRefusal(bytes);
      if (bomb) throw invalid(bomb);
      return "xlsx"; // the ZIP's directory names an xl/ folder
    }
    throw invalid("该压缩文件不是 Excel 工作簿（.xlsx），请上传模板格式的 .xlsx 或 .csv 文件");
  }
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) {
    throw invalid("不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV 后上传");
  }
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) {
    throw invalid("不支持 UTF-16 文本，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后上传");
  }
  const probe = bytes.subarray(0, Math.min(bytes.byteLength, 1 << 20));
  if (probe.includes(0)) throw invalid("文件类型不支持：请上传 .xlsx 或 .csv 文件");
  return "csv";
}

const isBlank = (cells: string[]) => cells.every((c) => !c || !c.trim());

function toSheet(records: { row: number; cells: string[] }[]): Sheet {
  const headerRecord = records.find((r) => r.row === 1);
  if (!headerRecord || isBlank(headerRecord.cells)) throw invalid("第 1 行应为表头（列名），请使用导入模板");
  const rows = records.filter((r) => r.row > 1 && !isBlank(r.cells));
  if (rows.length === 0) throw invalid("文件中没有数据行");
  if (rows.length > MAX_DATA_ROWS) throw invalid(`文件共有 ${rows.length} 行数据，超过单次导入上限 ${MAX_DATA_ROWS} 行，请拆分后导入`);
  return { header: headerRecord.cells.map((c) => c.trim()), rows };
}

export function readCsv(bytes: Uint8Array): Sheet {
  let records: string[][];
  try {
    records = parseCsv(decodeText(bytes));
  } catch (err) {
    if (err instanceof CsvFormatError) throw invalid(err.message);
    throw err;
  }
  return toSheet(records.map((cells, i) => ({ row: i + 1, cells })));
}

/** A cell as the text the user typed: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === "boolean") return value ? "是" : "否";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((t) => t.text).join("");
    if ("result" in value) return cellText((value.result ?? null) as ExcelJS.CellValue);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return "";
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<Sheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    throw invalid("无法读取该 Excel 文件，请确认文件未损坏且未加密");
  }
  const sheet = workbook.getWorksheet(DATA_SHEET_NAME) ?? workbook.worksheets[0];
  if (!sheet) throw invalid("Excel 文件中没有工作表");
  const records: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= "";
    records.push({ row: rowNumber, cells });
  });
  return toSheet(records);
}

export async function readSpreadsheet(bytes: Uint8Array): Promise<{ type: FileType; sheet: Sheet }> {
  const type = detectFileType(bytes);
  return { type, sheet: type === "xlsx" ? await readXlsx(bytes) : readCsv(bytes) };
}
