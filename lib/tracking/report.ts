import ExcelJS from "exceljs";
import type { ExportColumn } from "@/lib/export/table";
import { BASE_LEVEL_LABEL } from "@/lib/labels";
import { provinceZones, trackingDashboard } from "@/lib/tracking/queries";
import { PROGRAM_KEY_LABEL, TRACKING_TABLES, type TrackingTable } from "@/lib/tracking/schemas";
import { tableColumns, tableRows } from "@/lib/tracking/tables";
import type { TrackingView } from "@/lib/tracking/view";

// The yearly statistical report (年度统计报表) a provincial bureau files, or the ministry's national one: a cover
// sheet of totals, then one sheet per breakdown, the activities' progress reports and the bases' annual reports.

function addSheet<T>(book: ExcelJS.Workbook, name: string, title: string, columns: ExportColumn<T>[], rows: T[]) {
  const sheet = book.addWorksheet(name);
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const head = sheet.addRow(columns.map((c) => c.header));
  head.font = { bold: true };
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width ?? Math.max(10, c.header.length * 2 + 4)));
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? null));
  if (!rows.length) sheet.addRow(["（无数据）"]);
}

/** The ministry's or a province's report (a unit, an expert or a base files none: the route refuses them). */
export async function yearlyReport(view: Exclude<TrackingView, { own: object }>, year: number, province?: string) {
  const filter = { year, province };
  const [data, zones] = await Promise.all([trackingDashboard({ view, filter }), provinceZones()]);
  const names = { name: (c: string) => zones.get(c)?.name ?? c, zone: (c: string) => zones.get(c)?.zone };
  const place = province ? names.name(province) : view.national ? "全国" : view.provinceCodes.map(names.name).join("、");
  const book = new ExcelJS.Workbook();
  const title = (what: string) => `${place}${year}年度专家人才服务基层统计报表 — ${what}`;
  const t = data.totals;
  const totals: [string, number, string][] = [
    ["服务次数（经服务单位确认的服务记录）", t.records, "次"], ["服务时长", t.hours, "小时"], ["服务天数", t.days, "天"],
    ["参与专家", t.experts, "人"], ["服务人数", t.peopleServed, "人次"], ["其中培训人数", t.peopleTrained, "人次"],
    ["推广技术", t.techniquesPromoted, "项"], ["带动增收", t.incomeEffect, "万元"],
  ];
  addSheet(book, "总表", title("总表"), [
    { header: "指标", value: (r: (typeof totals)[number]) => r[0], width: 40 },
    { header: "数值", value: (r) => r[1], width: 16 }, { header: "单位", value: (r) => r[2], width: 10 },
  ], totals);
  for (const table of Object.keys(TRACKING_TABLES) as TrackingTable[]) {
    if (table === "province" && !view.national && !province && view.provinceCodes.length === 1) continue;
    addSheet(book, TRACKING_TABLES[table], title(TRACKING_TABLES[table]), tableColumns(table), tableRows(data, table, names));
  }
  addSheet(book, "示范活动进展", title("示范活动进展报送"), [
    { header: "专项行动", value: (r: (typeof data.activities)[number]) => PROGRAM_KEY_LABEL[r.program], width: 30 },
    { header: "活动数", value: (r) => r.activities }, { header: "报送次数", value: (r) => r.reports },
    { header: "专家人次", value: (r) => r.expertsCount }, { header: "服务时长（小时）", value: (r) => r.serviceHours, width: 16 },
    { header: "服务天数", value: (r) => r.serviceDays }, { header: "服务人数", value: (r) => r.peopleServed }, { header: "培训人数", value: (r) => r.peopleTrained },
  ], data.activities);
  addSheet(book, "基地年度报告", title("专家服务基地年度报告"), [
    { header: "级别", value: (r: (typeof data.bases)[number]) => BASE_LEVEL_LABEL[r.level] },
    { header: "报告基地数", value: (r) => r.bases, width: 12 }, { header: "组织专家", value: (r) => r.expertsCount },
    { header: "开展活动", value: (r) => r.activitiesCount }, { header: "培养人才", value: (r) => r.peopleTrained },
  ], data.bases);
  return { body: Buffer.from(await book.xlsx.writeBuffer()), place, totals: t };
}
