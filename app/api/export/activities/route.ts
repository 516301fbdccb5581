import { activitiesForExport } from "@/lib/activities/queries";
import { activitySearchSchema } from "@/lib/activities/schemas";
import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { formatDate } from "@/lib/format";
import { ACTIVITY_STATE_LABEL, PROGRAM_CODE_LABEL } from "@/lib/labels";

type Row = Awaited<ReturnType<typeof activitiesForExport>>[number];

const COLUMNS: ExportColumn<Row>[] = [
  { header: "活动名称", value: (r) => r.title, width: 40 },
  { header: "类型", value: (r) => (r.isDemonstration ? "示范活动" : "地方示范活动") },
  { header: "年度", value: (r) => r.plan?.year ?? "" },
  { header: "项目类别", value: (r) => PROGRAM_CODE_LABEL[r.program.code], width: 22 },
  { header: "申报单位", value: (r) => r.applicantOrg.name, width: 28 },
  { header: "推荐渠道", value: (r) => r.channelOrg?.name ?? "所在省份", width: 18 },
  { header: "活动地点", value: (r) => r.place, width: 24 },
  { header: "计划开始", value: (r) => (r.plannedStart ? formatDate(r.plannedStart) : "") },
  { header: "计划结束", value: (r) => (r.plannedEnd ? formatDate(r.plannedEnd) : "") },
  { header: "计划专家人数", value: (r) => r.plannedExperts },
  { header: "团队人数", value: (r) => r._count.team },
  { header: "关联需求", value: (r) => r._count.needs },
  { header: "推荐排序", value: (r) => r.recommendRank ?? "" },
  { header: "状态", value: (r) => ACTIVITY_STATE_LABEL[r.state] },
  { header: "提交日期", value: (r) => (r.submittedAt ? formatDate(r.submittedAt) : "") },
];

/** The applications list as a spreadsheet: the same filters as /activities, within the reader's scope. */
export const GET = exportRoute({
  operation: "activity.read",
  auditOperation: "activity.export",
  schema: activitySearchSchema,
  rows: activitiesForExport,
  columns: COLUMNS,
  baseName: "示范活动清单",
  describe: (n) => `示范活动 ${n} 项`,
});
