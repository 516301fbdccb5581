import { z } from "zod";
import type { ProgramCode, ServiceForm, Zone } from "@/lib/generated/prisma/enums";
import { PROGRAM_CODE_LABEL, SERVICE_FORM_LABEL, ZONE_LABEL } from "@/lib/labels";

// The filters of the tracking dashboards and of the records behind their numbers (from the URL; a bad value is
// dropped, never an error). Scope is not a filter: it is applied on top, whatever the URL says.

/** An engagement outside any demonstration activity counts under "NONE" (常态化服务). */
export type ProgramKey = ProgramCode | "NONE";
export const PROGRAM_KEY_LABEL: Record<ProgramKey, string> = { ...PROGRAM_CODE_LABEL, NONE: "常态化服务（未列入示范活动）" };
export const PROGRAM_KEYS = Object.keys(PROGRAM_KEY_LABEL) as [ProgramKey, ...ProgramKey[]];
const FORMS = Object.keys(SERVICE_FORM_LABEL) as [ServiceForm, ...ServiceForm[]];
const ZONES = Object.keys(ZONE_LABEL) as [Zone, ...Zone[]];

/** The needs' priority flags (section 2) as the bits the rollups keep them in. */
export const PRIORITY_BITS = { breakBottleneck: 1, promoteTechnology: 2, raiseFarmerIncome: 4 } as const;
export type PriorityFlag = keyof typeof PRIORITY_BITS;
export const PRIORITY_FLAGS = Object.keys(PRIORITY_BITS) as [PriorityFlag, ...PriorityFlag[]];
export const PRIORITY_LABEL: Record<PriorityFlag, string> = {
  breakBottleneck: "突破发展瓶颈", promoteTechnology: "推广应用技术", raiseFarmerIncome: "促进农民增收",
};

const optional = <T extends z.ZodType>(t: T) => t.optional().catch(undefined);
const provinceCode = optional(z.string().regex(/^\d{2}$/));

export const MIN_YEAR = 2020;
export const MAX_YEAR = 2100;

export const trackingFilterSchema = z.object({
  year: optional(z.coerce.number().int().min(MIN_YEAR).max(MAX_YEAR)),
  program: optional(z.enum(PROGRAM_KEYS)),
  zone: optional(z.enum(ZONES)),
  province: provinceCode,
  form: optional(z.enum(FORMS)),
});
export type TrackingFilter = z.infer<typeof trackingFilterSchema>;

/** The confirmed records behind a dashboard number: the dashboard's filters plus the cell's own coordinates. */
export const trackingRecordSearchSchema = trackingFilterSchema.extend({
  month: optional(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
  expertProvince: provinceCode,
  priority: optional(z.enum([...PRIORITY_FLAGS, "none"])),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type TrackingRecordSearch = z.infer<typeof trackingRecordSearchSchema>;

/** The dashboard tables that export (one file each), with the dashboard's filters; also the yearly report's sheets. */
export const TRACKING_TABLES = {
  province: "按省份", program: "按专项行动", form: "按服务形式", month: "按月份", flow: "跨区域专家流向", priority: "按优先方向",
} as const;
export type TrackingTable = keyof typeof TRACKING_TABLES;

/** The tables only the own dashboards show (a unit's, an expert's, a base host's), each exported by its owners only. */
export const OWN_TRACKING_TABLES = {
  needs: "本单位需求按状态", engagements: "服务项目按状态", activities: "基地依托的示范活动进展报送", bases: "基地年度报告",
} as const;
export type OwnTrackingTable = keyof typeof OWN_TRACKING_TABLES;
/** The tables only the ministry's and provinces' dashboards show: activity progress and base reports, by program or level. */
export const STAFF_TRACKING_TABLES = { activityReports: "示范活动进展报送汇总", baseReports: "专家服务基地年度报告汇总" } as const;
export type StaffTrackingTable = keyof typeof STAFF_TRACKING_TABLES;
export type ExportTable = TrackingTable | OwnTrackingTable | StaffTrackingTable;
const EXPORT_TABLES = [...Object.keys(TRACKING_TABLES), ...Object.keys(OWN_TRACKING_TABLES), ...Object.keys(STAFF_TRACKING_TABLES)] as [ExportTable, ...ExportTable[]];
export const isOwnTable = (table: ExportTable): table is OwnTrackingTable => table in OWN_TRACKING_TABLES;
export const isStaffTable = (table: ExportTable): table is StaffTrackingTable => table in STAFF_TRACKING_TABLES;

// A download's query comes from the page's own links (built from the parsed filters), so a value the page would
// drop is a hand-made URL: it is refused with its reason rather than silently widened. An empty value is absent.
const given = <T extends z.ZodType>(t: T) => z.preprocess((v) => (v === "" ? undefined : v), t.optional());
export const trackingExportSchema = z.object({
  year: given(z.coerce.number({ error: "年度不正确" }).int("年度不正确").min(MIN_YEAR, "年度不正确").max(MAX_YEAR, "年度不正确")),
  program: given(z.enum(PROGRAM_KEYS, { error: "专项行动不正确" })),
  zone: given(z.enum(ZONES, { error: "区域不正确" })),
  province: given(z.string().regex(/^\d{2}$/, "省份不正确")),
  form: given(z.enum(FORMS, { error: "服务形式不正确" })),
  table: z.preprocess((v) => (v === "" || v === undefined ? "province" : v), z.enum(EXPORT_TABLES, { error: "没有这张统计表" })),
});
export type TrackingExport = z.infer<typeof trackingExportSchema>;

export const trackingReportSchema = z.object({
  year: z.coerce.number({ error: "请选择年度" }).int().min(MIN_YEAR, "年度不正确").max(MAX_YEAR, "年度不正确"),
  province: provinceCode,
});
