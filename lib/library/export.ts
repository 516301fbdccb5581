import type { ExportColumn } from "@/lib/export/table";
import { formatDate } from "@/lib/format";
import { PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL } from "@/lib/labels";
import type { membersForExport } from "@/lib/library/queries";

export type MemberExportRow = Awaited<ReturnType<typeof membersForExport>>[number];

export const MEMBER_EXPORT_NAME = "重点联系专家库入库专家";

// No phone, e-mail, ID number or birth year: the export carries what the library list shows (PIPL minimum).
export const MEMBER_EXPORT_COLUMNS: ExportColumn<MemberExportRow>[] = [
  { header: "姓名", value: (r) => r.name },
  { header: "省份", value: (r) => r.provinceName },
  { header: "工作单位", value: (r) => r.employer, width: 30 },
  { header: "职称", value: (r) => PROFESSIONAL_TITLE_LABEL[r.title] },
  { header: "人才类别", value: (r) => r.talentCategories.map((c) => TALENT_CATEGORY_LABEL[c]).join("、"), width: 30 },
  { header: "学科领域", value: (r) => r.disciplineNames.join("、"), width: 30 },
  { header: "入库时间", value: (r) => formatDate(r.libraryJoinedAt) },
  { header: "最近确认", value: (r) => formatDate(r.lastConfirmedAt) },
  { header: "确认情况", value: (r) => (r.stale ? "长期未确认" : "正常") },
];
