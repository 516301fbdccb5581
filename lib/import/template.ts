import ExcelJS from "exceljs";
import { db } from "@/lib/db";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import { SERVICE_FORM_LABEL } from "@/lib/labels";
import { toCsv } from "@/lib/export/table";
import { columnsFor, type ColumnDef } from "@/lib/import/columns";
import { DATA_SHEET_NAME } from "@/lib/import/read";
import { regionIndex, regionPath } from "@/lib/import/reference";
import type { JobScope } from "@/lib/import/scope";

// Downloadable templates: the header row and one example row; the .xlsx adds a notes sheet (every column,
// required or not, allowed values) and the code lists the columns accept.

const GENERAL_NOTES = [
  "第 1 行为表头，请勿修改列名；从第 2 行起每行填写一条记录。",
  "第 2 行是示例，导入前请删除或替换。",
  "多个值用英文分号 ; 分隔（中文分号也可）。",
  "学科、行业可填写代码或名称；地区可填写 6 位县级代码或“省 市 县”名称。",
  "日期按 YYYY-MM-DD 填写；是/否类列填写“是”或“否”。",
  "手机号码、身份证号、代码类列请保持文本格式，以免 Excel 改写。",
  "上传后系统逐行校验，您可查看每一条错误，再选择“导入无误的行”或“全部放弃”。",
];

async function exampleRow(kind: ImportKind, scope: JobScope & { national: boolean }, defs: ColumnDef[]) {
  const row: Record<string, string> = Object.fromEntries(defs.map((d) => [d.key, d.example]));
  const provinceCode = scope.provinceCode
    ?? (scope.organizationId
      ? (await db.organization.findUnique({ where: { id: scope.organizationId }, select: { region: { select: { provinceCode: true } } } }))?.region.provinceCode
      : null)
    ?? "51";
  const counties = await db.region.findMany({
    where: { provinceCode },
    select: { code: true, name: true, level: true, parentCode: true, provinceCode: true },
  });
  const index = regionIndex(counties);
  const county = counties.filter((c) => c.level === "COUNTY").sort((a, b) => a.code.localeCompare(b.code))[0];
  if (kind === "EXPERTS" && county) row.region = regionPath(index, county.code);
  if (kind === "NEEDS") {
    const menu = await db.serviceMenuItem.findFirst({ where: { retiredAt: null }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { name: true } });
    if (menu) row.menuItems = menu.name;
    if (scope.provinceCode) {
      const unit = await db.organization.findFirst({
        where: { region: { provinceCode: scope.provinceCode }, type: { notIn: ["MINISTRY", "PROVINCIAL_BUREAU", "DEPARTMENT"] } },
        orderBy: { name: "asc" },
        select: { name: true },
      });
      row.unit = unit?.name ?? "";
    }
  }
  return { row, provinceCode };
}

export async function templateCsv(kind: ImportKind, scope: JobScope & { national: boolean }): Promise<string> {
  const defs = columnsFor(kind, scope);
  const { row } = await exampleRow(kind, scope, defs);
  return toCsv(defs.map((d) => ({ header: d.header, value: (r: Record<string, string>) => r[d.key] })), [row]);
}

function listSheet(workbook: ExcelJS.Workbook, name: string, headers: string[], rows: (string | number)[][], widths: number[]) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = headers.map((header, i) => ({ header, width: widths[i] ?? 20 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getColumn(1).numFmt = "@";
  sheet.addRows(rows);
}

export async function templateXlsx(kind: ImportKind, scope: JobScope & { national: boolean }): Promise<Buffer> {
  const defs = columnsFor(kind, scope);
  const { row, provinceCode } = await exampleRow(kind, scope, defs);
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(DATA_SHEET_NAME, { views: [{ state: "frozen", ySplit: 1 }] });
  data.columns = defs.map((d) => ({ header: d.header, key: d.key, width: d.width ?? 16 }));
  defs.forEach((_, i) => (data.getColumn(i + 1).numFmt = "@"));
  data.getRow(1).font = { bold: true };
  defs.forEach((d, i) => {
    if (d.required) data.getRow(1).getCell(i + 1).font = { bold: true, color: { argb: "FFC00000" } };
  });
  data.addRow(defs.map((d) => row[d.key] ?? ""));

  const notes = workbook.addWorksheet("填写说明");
  notes.columns = [{ header: "列名", width: 20 }, { header: "是否必填", width: 10 }, { header: "填写说明与可选值", width: 80 }, { header: "示例", width: 28 }];
  notes.getRow(1).font = { bold: true };
  for (const d of defs) notes.addRow([d.header, d.required ? "必填" : "选填", d.note, row[d.key] ?? ""]);
  notes.addRow([]);
  for (const line of GENERAL_NOTES) notes.addRow(["说明", "", line, ""]);

  const [disciplines, industries, counties] = await Promise.all([
    db.discipline.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db.industry.findMany({ select: { code: true, name: true }, orderBy: { code: "asc" } }),
    db.region.findMany({
      where: scope.national && kind === "EXPERTS" ? {} : { provinceCode },
      select: { code: true, name: true, level: true, parentCode: true, provinceCode: true },
      orderBy: { code: "asc" },
    }),
  ]);
  listSheet(workbook, "学科代码", ["代码", "名称"], disciplines.map((d) => [d.code, d.name]), [12, 30]);
  listSheet(workbook, "行业代码", ["代码", "名称"], industries.map((d) => [d.code, d.name]), [12, 40]);
  const index = regionIndex(counties);
  listSheet(workbook, "地区代码", ["县级代码", "省 市 县"],
    counties.filter((c) => c.level === "COUNTY").map((c) => [c.code, regionPath(index, c.code)]), [12, 40]);
  if (kind === "NEEDS") {
    const menu = await db.serviceMenuItem.findMany({ where: { retiredAt: null }, orderBy: [{ sortOrder: "asc" }, { name: "asc" }], select: { name: true, form: true, description: true } });
    listSheet(workbook, "服务菜单", ["名称", "服务形式", "说明"], menu.map((m) => [m.name, SERVICE_FORM_LABEL[m.form], m.description]), [28, 12, 60]);
    if (scope.provinceCode) {
      const units = await db.organization.findMany({
        where: { region: { provinceCode: scope.provinceCode }, type: { notIn: ["MINISTRY", "PROVINCIAL_BUREAU", "DEPARTMENT"] } },
        orderBy: { name: "asc" },
        take: 20_000,
        select: { name: true, creditCode: true, regionCode: true },
      });
      listSheet(workbook, "本省单位", ["统一社会信用代码", "单位名称", "所在地区"],
        units.map((u) => [u.creditCode ?? "", u.name, regionPath(index, u.regionCode)]), [22, 36, 30]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
