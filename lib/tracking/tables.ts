import type { ExportColumn } from "@/lib/export/table";
import { BASE_LEVEL_LABEL, ENGAGEMENT_STATE_LABEL, NEED_STATE_LABEL, SERVICE_FORM_LABEL, ZONE_LABEL } from "@/lib/labels";
import type { Indicators } from "@/lib/tracking/indicators";
import type { OwnExtras } from "@/lib/tracking/own";
import type { TrackingDashboard } from "@/lib/tracking/queries";
import {
  PRIORITY_LABEL, PROGRAM_KEY_LABEL, TRACKING_TABLES, type OwnTrackingTable, type ProgramKey, type StaffTrackingTable, type TrackingTable,
} from "@/lib/tracking/schemas";

// The dashboard's tables as rows for a file: one table per download (/api/export/tracking), the shared ones also as
// the sheets of the yearly statistical report (/api/export/tracking-report); an own dashboard's with its own columns.

export type TableRow = Partial<Indicators> & {
  label: string; label2?: string; zone?: string; needs?: number;
  /** The own dashboards' tables: a count by state, activities' progress reports, bases' annual reports. */
  count?: number; activities?: number; reports?: number; expertsCount?: number; serviceHours?: number; activitiesCount?: number; year?: string;
  bases?: number;
};
type Names = { name: (code: string) => string; zone: (code: string) => string | undefined };

const num = (key: keyof TableRow, header: string): ExportColumn<TableRow> => ({ header, value: (r) => (r[key] as number | undefined) ?? "", width: 14 });
export const INDICATOR_EXPORT_COLUMNS: ExportColumn<TableRow>[] = [
  num("records", "服务次数"), num("hours", "服务时长（小时）"), num("days", "服务天数"), num("experts", "专家人数"),
  num("peopleServed", "服务人数"), num("peopleTrained", "培训人数"), num("techniquesPromoted", "推广技术（项）"), num("incomeEffect", "带动增收（万元）"),
];

const HEAD: Record<TrackingTable, string> = {
  province: "省份", program: "专项行动", form: "服务形式", month: "月份", flow: "专家所在省份", priority: "需求优先方向",
};

export function tableColumns(table: TrackingTable): ExportColumn<TableRow>[] {
  const first: ExportColumn<TableRow> = { header: HEAD[table], value: (r) => r.label, width: 24 };
  if (table === "flow") {
    return [first, { header: "服务所在省份", value: (r) => r.label2, width: 16 }, { header: "东部→中西部", value: (r) => r.zone, width: 12 },
      num("experts", "专家人数"), num("records", "服务次数"), num("hours", "服务时长（小时）")];
  }
  if (table === "priority") return [first, num("needs", "需求数"), num("records", "服务次数"), num("hours", "服务时长（小时）"), num("peopleServed", "服务人数")];
  if (table === "month") return [first, ...INDICATOR_EXPORT_COLUMNS.filter((c) => c.header !== "专家人数")];
  return [first, ...INDICATOR_EXPORT_COLUMNS];
}

export function tableRows(data: Omit<TrackingDashboard, "activities" | "bases">, table: TrackingTable, names: Names): TableRow[] {
  switch (table) {
    case "province": return [...data.byProvince.map((r) => ({ ...r, label: names.name(r.key) })), { ...data.totals, label: "合计" }];
    case "program": return data.byProgram.map((r) => ({ ...r, label: PROGRAM_KEY_LABEL[r.key as ProgramKey] ?? r.key }));
    case "form": return data.byForm.map((r) => ({ ...r, label: SERVICE_FORM_LABEL[r.key as keyof typeof SERVICE_FORM_LABEL] ?? r.key }));
    case "month": return data.byMonth.map((r) => ({ ...r, label: r.key }));
    case "flow":
      return data.flows.map((f) => {
        const east = names.zone(f.from) === "EAST" && ["CENTRAL", "WEST"].includes(names.zone(f.to) ?? "");
        return { label: names.name(f.from), label2: names.name(f.to), zone: east ? "是" : "", experts: f.experts, records: f.records, hours: f.hours };
      });
    case "priority":
      return data.priorities.map((p) => ({ label: p.flag === "none" ? "未标注" : PRIORITY_LABEL[p.flag], needs: p.needs, records: p.records, hours: p.hours, peopleServed: p.peopleServed }));
  }
}

export const tableTitle = (table: TrackingTable) => TRACKING_TABLES[table];

/** The columns of an own dashboard's table, as the page shows them. */
export function ownTableColumns(table: OwnTrackingTable): ExportColumn<TableRow>[] {
  switch (table) {
    case "needs": return [{ header: "状态", value: (r) => r.label, width: 16 }, num("count", "需求数")];
    case "engagements": return [{ header: "状态", value: (r) => r.label, width: 16 }, num("count", "项目数")];
    case "activities":
      return [{ header: "专项行动", value: (r) => r.label, width: 28 }, num("activities", "活动数"), num("reports", "报送次数"),
        num("expertsCount", "专家人次"), num("serviceHours", "服务时长（小时）"), num("peopleServed", "服务人数")];
    case "bases":
      return [{ header: "基地", value: (r) => r.label, width: 32 }, { header: "级别", value: (r) => r.label2, width: 10 }, num("activities", "依托的示范活动"),
        { header: "年度", value: (r) => r.year, width: 10 }, num("expertsCount", "组织专家"), num("activitiesCount", "开展活动"), num("peopleTrained", "培养人才")];
  }
}

/** The columns of the ministry's and provinces' report tables (app/(console)/tracking/page.tsx). */
export function staffTableColumns(table: StaffTrackingTable): ExportColumn<TableRow>[] {
  switch (table) {
    case "activityReports": return ownTableColumns("activities");
    case "baseReports":
      return [{ header: "级别", value: (r) => r.label, width: 12 }, num("bases", "报告基地"), num("expertsCount", "组织专家"),
        num("activitiesCount", "开展活动"), num("peopleTrained", "培养人才")];
  }
}

export function staffTableRows(table: StaffTrackingTable, data: Pick<TrackingDashboard, "activities" | "bases">): TableRow[] {
  switch (table) {
    case "activityReports": return ownTableRows("activities", { activities: data.activities });
    case "baseReports":
      return data.bases.map((b) => ({ label: BASE_LEVEL_LABEL[b.level], bases: b.bases, expertsCount: b.expertsCount, activitiesCount: b.activitiesCount, peopleTrained: b.peopleTrained }));
  }
}

/** The rows of an own dashboard's table (one row per base and report year; a base without a report has one row). */
export function ownTableRows(table: OwnTrackingTable, source: {
  needsByState?: OwnExtras["needsByState"]; engagementsByState?: OwnExtras["engagementsByState"];
  activities?: TrackingDashboard["activities"]; bases?: OwnExtras["bases"];
}): TableRow[] {
  switch (table) {
    case "needs": return (source.needsByState ?? []).map((n) => ({ label: NEED_STATE_LABEL[n.state], count: n.count }));
    case "engagements": return (source.engagementsByState ?? []).map((e) => ({ label: ENGAGEMENT_STATE_LABEL[e.state], count: e.count }));
    case "activities":
      return (source.activities ?? []).map((a) => ({
        label: PROGRAM_KEY_LABEL[a.program], activities: a.activities, reports: a.reports, expertsCount: a.expertsCount, serviceHours: a.serviceHours, peopleServed: a.peopleServed,
      }));
    case "bases":
      return (source.bases ?? []).flatMap((b) => {
        const base = { label: b.name, label2: BASE_LEVEL_LABEL[b.level], activities: b.activities };
        if (!b.reports.length) return [{ ...base, year: "未报送" }];
        return b.reports.map((r) => ({ ...base, year: `${r.year}`, expertsCount: r.expertsCount, activitiesCount: r.activitiesCount, peopleTrained: r.peopleTrained }));
      });
  }
}

export const zoneName = (zone: string | undefined) => (zone ? ZONE_LABEL[zone as keyof typeof ZONE_LABEL] ?? "" : "");
export const baseLevelName = (level: keyof typeof BASE_LEVEL_LABEL) => BASE_LEVEL_LABEL[level];
