import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { CsvFormatError, decodeText, parseCsv } from "@/lib/import/csv";
import { EXPERT_COLUMNS, NEED_COLUMNS, columnsFor, mapHeader, normalizeHeader } from "@/lib/import/columns";
import { checkIdNumber, idNumberCheckChar as idCheckChar } from "@/lib/experts/formats";
import { detectFileType, readCsv, readSpreadsheet } from "@/lib/import/read";

// "中文,姓名" in GBK.
const GBK_BYTES = Uint8Array.from([0xd6, 0xd0, 0xce, 0xc4, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb]);

describe("csv parser", () => {
  it("splits plain records on commas and CRLF, LF or CR", () => {
    expect(parseCsv("a,b,c\r\n1,2,3\n4,5,6\r7,8,9")).toEqual([["a", "b", "c"], ["1", "2", "3"], ["4", "5", "6"], ["7", "8", "9"]]);
  });

  it("keeps commas, quotes and line breaks inside quoted fields, one record per spreadsheet row", () => {
    const rows = parseCsv('姓名,简介\r\n"张三","研究果树,\r\n兼顾""绿色""防控"\r\n李四,简单');
    expect(rows).toEqual([["姓名", "简介"], ["张三", '研究果树,\r\n兼顾"绿色"防控'], ["李四", "简单"]]);
  });

  it("drops a leading BOM and a trailing line break, keeps empty fields", () => {
    expect(parseCsv("\uFEFF姓名,性别\r\n张三,\r\n")).toEqual([["姓名", "性别"], ["张三", ""]]);
    expect(parseCsv('a,"",c')).toEqual([["a", "", "c"]]);
  });

  it("keeps a stray quote inside an unquoted field literally", () => {
    expect(parseCsv('5"寸,b')).toEqual([['5"寸', "b"]]);
  });

  it("reports an unclosed quote with the row it opened on", () => {
    expect(() => parseCsv('a,b\n1,"oops\n2,3')).toThrow(CsvFormatError);
    try {
      parseCsv('a,b\n1,"oops\n2,3');
    } catch (err) {
      expect((err as CsvFormatError).row).toBe(2);
      expect((err as Error).message).toContain("第 2 行");
    }
  });

  it("decodes UTF-8 (with BOM) and falls back to GB18030 for GBK bytes", () => {
    expect(decodeText(new TextEncoder().encode("\uFEFF中文,姓名"))).toBe("中文,姓名");
    expect(decodeText(GBK_BYTES)).toBe("中文,姓名");
  });

  it("reads a GBK CSV file into a sheet with spreadsheet row numbers and skips blank rows", () => {
    const header = Array.from(GBK_BYTES);
    const body = [0x0d, 0x0a, 0x41, 0x2c, 0x42, 0x0d, 0x0a, 0x2c, 0x0d, 0x0a, 0x43, 0x2c, 0x44, 0x0d, 0x0a];
    const sheet = readCsv(Uint8Array.from([...header, ...body]));
    expect(sheet.header).toEqual(["中文", "姓名"]);
    expect(sheet.rows).toEqual([{ row: 2, cells: ["A", "B"] }, { row: 4, cells: ["C", "D"] }]);
  });
});

describe("file type by content", () => {
  it("accepts xlsx (ZIP with xl/) and text, refuses other ZIPs, .xls, UTF-16 and binaries", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("导入数据");
    ws.addRow(["姓名", "性别"]);
    ws.addRow(["张三", "男"]);
    const xlsx = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(detectFileType(xlsx)).toBe("xlsx");
    expect((await readSpreadsheet(xlsx)).sheet).toEqual({ header: ["姓名", "性别"], rows: [{ row: 2, cells: ["张三", "男"] }] });
    expect(detectFileType(new TextEncoder().encode("a,b\n1,2"))).toBe("csv");
    const docx = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode("word/document.xml")]);
    expect(() => detectFileType(docx)).toThrow(/不是 Excel 工作簿/);
    expect(() => detectFileType(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2]))).toThrow(/\.xls/);
    expect(() => detectFileType(Uint8Array.from([0xff, 0xfe, 0x41, 0]))).toThrow(/UTF-16/);
    expect(() => detectFileType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toThrow(/文件类型不支持/);
    expect(() => detectFileType(new Uint8Array())).toThrow(/空/);
  });

  it("refuses a file whose first row is not a header, or that has no data rows", () => {
    expect(() => readCsv(new TextEncoder().encode("\n张三,男"))).toThrow(/第 1 行应为表头/);
    expect(() => readCsv(new TextEncoder().encode("姓名,性别\n,\n"))).toThrow(/没有数据行/);
  });
});

describe("header mapping", () => {
  it("maps template names and aliases, ignoring required marks and spaces", () => {
    expect(normalizeHeader(" 姓名* ")).toBe("姓名");
    expect(normalizeHeader("性别（必填）")).toBe("性别");
    const m = mapHeader(["姓名*", "性 别", "出生年", "工作单位", "职称", "学科", "所在地", "手机"], EXPERT_COLUMNS);
    expect(m.fatal).toBe(false);
    expect(m.errors).toEqual([]);
    expect(m.columns.get("birthYear")).toBe(2);
    expect(m.columns.get("region")).toBe(6);
    expect(m.columns.get("phone")).toBe(7);
  });

  it("reports unknown and repeated columns and every missing required column on row 1", () => {
    const m = mapHeader(["姓名", "爱好", "姓名", "性别"], EXPERT_COLUMNS);
    expect(m.fatal).toBe(true);
    expect(m.errors).toContainEqual({ row: 1, column: "爱好", message: expect.stringContaining("无法识别") });
    expect(m.errors).toContainEqual({ row: 1, column: "姓名", message: expect.stringContaining("重复") });
    for (const missing of ["出生年份", "工作单位", "职称", "学科领域", "所在地区"]) {
      expect(m.errors).toContainEqual({ row: 1, column: missing, message: "缺少必填列" });
    }
  });

  it("requires the unit column of province importers only", () => {
    const header = NEED_COLUMNS.filter((c) => c.key !== "unit").map((c) => c.header);
    expect(mapHeader(header, columnsFor("NEEDS", { organizationId: null })).fatal).toBe(true);
    expect(mapHeader(header, columnsFor("NEEDS", { organizationId: "org" })).fatal).toBe(false);
  });
});

describe("ID number", () => {
  it("checks format, birth date and the check character", () => {
    const body = "11010519491231002";
    const id = body + idCheckChar(body);
    expect(id).toBe("11010519491231002X");
    expect(checkIdNumber(id.toLowerCase())).toEqual({ ok: true, birthYear: 1949 });
    expect(checkIdNumber("110105194912310021")).toMatchObject({ ok: false, message: expect.stringContaining("校验位") });
    expect(checkIdNumber("11010519490231002X")).toMatchObject({ ok: false, message: expect.stringContaining("出生日期") });
    expect(checkIdNumber("1101051949123")).toMatchObject({ ok: false, message: expect.stringContaining("18 位") });
  });
});
