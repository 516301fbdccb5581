import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { exportExperts } from "@/lib/experts/queries";
import { expertSearchSchema } from "@/lib/experts/schemas";
import { formatDate } from "@/lib/format";
import {
  EXPERT_STATUS_LABEL, GENDER_LABEL, LIBRARY_STATUS_LABEL, PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL,
} from "@/lib/labels";

export const dynamic = "force-dynamic";

type Row = Awaited<ReturnType<typeof exportExperts>>[number];

// Personal data is exported masked, exactly as the list shows it.
const COLUMNS: ExportColumn<Row>[] = [
  { header: "姓名", value: (r) => r.name },
  { header: "性别", value: (r) => GENDER_LABEL[r.gender] },
  { header: "出生年份", value: (r) => r.birthYear },
  { header: "职称", value: (r) => PROFESSIONAL_TITLE_LABEL[r.title] },
  { header: "工作单位", value: (r) => r.employer, width: 30 },
  { header: "所在地区", value: (r) => r.regionName, width: 24 },
  { header: "学科", value: (r) => r.disciplineNames.join("、"), width: 24 },
  { header: "行业", value: (r) => r.industryNames.join("、"), width: 24 },
  { header: "专长", value: (r) => r.skills.join("、"), width: 30 },
  { header: "人才类别", value: (r) => r.talentCategories.map((c) => TALENT_CATEGORY_LABEL[c]).join("、"), width: 24 },
  { header: "重点联系专家库", value: (r) => LIBRARY_STATUS_LABEL[r.libraryStatus] },
  { header: "档案状态", value: (r) => EXPERT_STATUS_LABEL[r.status] },
  { header: "退休", value: (r) => (r.isRetired ? "是" : "否") },
  { header: "跨地区共享", value: (r) => (r.shareAcrossRegions ? "是" : "否") },
  { header: "联系电话（脱敏）", value: (r) => r.phone },
  { header: "电子邮箱（脱敏）", value: (r) => r.email },
  { header: "身份证号码（脱敏）", value: (r) => r.idNumber },
  { header: "最近确认", value: (r) => formatDate(r.lastConfirmedAt) },
];

/** The expert list as a spreadsheet: the page's filters, within scope, personal data masked. */
export const GET = exportRoute({
  operation: "expert.read",
  auditOperation: "expert.export",
  schema: expertSearchSchema,
  rows: exportExperts,
  columns: COLUMNS,
  baseName: "专家名单",
  describe: (n) => `专家名单 ${n} 条（个人信息脱敏）`,
});
