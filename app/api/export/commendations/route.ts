import { commendationsForExport } from "@/lib/commendations/queries";
import { commendationSearchSchema } from "@/lib/commendations/schemas";
import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { formatDate } from "@/lib/format";
import { COMMENDATION_STATE_LABEL, PROFESSIONAL_TITLE_LABEL } from "@/lib/labels";

type Row = Awaited<ReturnType<typeof commendationsForExport>>[number];

const COLUMNS: ExportColumn<Row>[] = [
  { header: "专家", value: (r) => r.expertName, width: 14 },
  { header: "工作单位", value: (r) => r.employer, width: 28 },
  { header: "职称", value: (r) => PROFESSIONAL_TITLE_LABEL[r.title] },
  { header: "地区", value: (r) => r.place, width: 16 },
  { header: "年度", value: (r) => r.year },
  { header: "状态", value: (r) => COMMENDATION_STATE_LABEL[r.state] },
  { header: "优先推荐", value: (r) => (r.priority ? "是" : "否") },
  { header: "服务时长（小时）", value: (r) => r.figures.hours },
  { header: "服务天数", value: (r) => r.figures.days },
  { header: "服务单位数", value: (r) => r.figures.units },
  { header: "服务人次", value: (r) => r.figures.peopleServed },
  { header: "培训人次", value: (r) => r.figures.peopleTrained },
  { header: "平均满意度", value: (r) => r.figures.averageRating ?? "" },
  { header: "推荐理由", value: (r) => r.reason, width: 40 },
  { header: "推荐日期", value: (r) => formatDate(r.nominatedAt) },
  { header: "审定意见", value: (r) => r.decisionComment ?? "", width: 30 },
];

/** Nominations with the list's filters, within the user's scope; state=APPROVED&priority=1 is the 优先推荐 list. */
export const GET = exportRoute({
  operation: "commendation.read",
  auditOperation: "commendation.export",
  schema: commendationSearchSchema,
  rows: commendationsForExport,
  columns: COLUMNS,
  baseName: "表彰推荐",
  describe: (n) => `表彰推荐 ${n} 项`,
});
