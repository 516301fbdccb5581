import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { formatDate } from "@/lib/format";
import { SERVICE_FORM_LABEL } from "@/lib/labels";
import { trackingRecordsForExport, type TrackingRecordRow } from "@/lib/tracking/records";
import { PROGRAM_KEY_LABEL, trackingRecordSearchSchema, type ProgramKey } from "@/lib/tracking/schemas";
import { trackingView } from "@/lib/tracking/view";

const COLUMNS: ExportColumn<TrackingRecordRow>[] = [
  { header: "开始日期", value: (r) => formatDate(r.startDate), width: 12 },
  { header: "结束日期", value: (r) => formatDate(r.endDate), width: 12 },
  { header: "需求编号", value: (r) => r.needCode, width: 18 },
  { header: "需求标题", value: (r) => r.needTitle, width: 36 },
  { header: "服务单位", value: (r) => r.unitName, width: 28 },
  { header: "服务所在省份代码", value: (r) => r.provinceCode },
  { header: "专家", value: (r) => r.expertName },
  { header: "专家所在省份代码", value: (r) => r.expertProvinceCode },
  { header: "专项行动", value: (r) => PROGRAM_KEY_LABEL[r.programKey as ProgramKey] ?? r.programKey, width: 24 },
  { header: "服务形式", value: (r) => SERVICE_FORM_LABEL[r.form] },
  { header: "服务内容", value: (r) => r.content, width: 40 },
  { header: "服务时长（小时）", value: (r) => r.hours },
  { header: "服务人数", value: (r) => r.peopleServed },
  { header: "培训人数", value: (r) => r.peopleTrained },
  { header: "推广技术（项）", value: (r) => r.techniquesPromoted },
  { header: "带动增收（万元）", value: (r) => r.incomeEffect },
  { header: "确认日期", value: (r) => (r.confirmedAt ? formatDate(r.confirmedAt) : "") },
];

/** The records behind a tracking number, with the same filters as /tracking/records, within the reader's scope. */
export const GET = exportRoute({
  operation: "tracking.export",
  auditOperation: "tracking.export",
  schema: trackingRecordSearchSchema,
  rows: async (user, search) => {
    const view = trackingView(user);
    return view ? trackingRecordsForExport(view, search) : [];
  },
  columns: COLUMNS,
  baseName: "服务记录明细",
  describe: (n) => `跟踪问效服务记录 ${n} 条`,
});
