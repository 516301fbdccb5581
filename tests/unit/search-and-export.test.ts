import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { searchTerms, searchTextWhere } from "@/lib/search/text";
import { toCsv, toXlsx, type ExportColumn } from "@/lib/export/table";
import { isStale, staleCutoff } from "@/lib/experts/stale";

describe("search terms", () => {
  it("splits on spaces and Chinese punctuation, lower-cases, de-duplicates", () => {
    expect(searchTerms("  猕猴桃  溃疡病，Kiwi、kiwi ")).toEqual(["猕猴桃", "溃疡病", "kiwi"]);
  });

  it("is empty for blank queries and caps the number of terms", () => {
    expect(searchTerms("   ")).toEqual([]);
    expect(searchTerms(undefined)).toEqual([]);
    expect(searchTerms("a b c d e f g")).toHaveLength(5);
  });

  it("builds one substring condition per term, and none for an empty query", () => {
    expect(searchTextWhere("果树 病虫害")).toEqual({
      AND: [{ searchText: { contains: "果树" } }, { searchText: { contains: "病虫害" } }],
    });
    expect(searchTextWhere("")).toEqual({});
  });
});

type Row = { name: string; n: number | null; note: string };
const columns: ExportColumn<Row>[] = [
  { header: "名称", value: (r) => r.name },
  { header: "数量", value: (r) => r.n },
  { header: "备注", value: (r) => r.note },
];

describe("csv export", () => {
  it("starts with a BOM, quotes commas, quotes and newlines, leaves empty cells for null", () => {
    const csv = toCsv(columns, [{ name: "甲,乙", n: null, note: '说"明"\n第二行' }]);
    expect(csv.startsWith("\uFEFF名称,数量,备注\r\n")).toBe(true);
    expect(csv).toContain('"甲,乙",,"说""明""\n第二行"\r\n');
  });

  it("neutralises cells that a spreadsheet would run as formulas", () => {
    const csv = toCsv(columns, [{ name: "=HYPERLINK(\"x\")", n: -3, note: "@sum" }]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")",-3,'@sum`);
  });
});

describe("xlsx export", () => {
  it("writes the header row and the values, readable back", async () => {
    const buf = await toXlsx(columns, [{ name: "蒲江县", n: 3, note: "" }], "需求");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("需求")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "名称", "数量", "备注"]);
    expect(sheet.getRow(2).getCell(1).value).toBe("蒲江县");
    expect(sheet.getRow(2).getCell(2).value).toBe(3);
  });
});

describe("stale profiles", () => {
  const now = new Date("2026-11-26T00:00:00Z");
  it("are those not confirmed in the last 12 months, or never", () => {
    expect(staleCutoff(now).toISOString()).toBe("2025-11-26T00:00:00.000Z");
    expect(isStale({ lastConfirmedAt: new Date("2025-11-25T23:59:59Z") }, now)).toBe(true);
    expect(isStale({ lastConfirmedAt: new Date("2025-11-26T00:00:01Z") }, now)).toBe(false);
    expect(isStale({ lastConfirmedAt: null }, now)).toBe(true);
  });
});
