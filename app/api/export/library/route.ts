import { exportResponse, parseExportFormat, type ExportColumn } from "@/lib/export/table";
import { auditDenied, getSessionUser, requestMeta } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { formatDate } from "@/lib/format";
import { PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL } from "@/lib/labels";
import { libraryView, membersForExport } from "@/lib/library/queries";
import { memberSearchSchema } from "@/lib/library/schemas";

type Row = Awaited<ReturnType<typeof membersForExport>>[number];

// No phone, e-mail, ID number or birth year: the export carries what the library list shows (PIPL minimum).
const COLUMNS: ExportColumn<Row>[] = [
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

/** The library's member list as .xlsx or .csv, with the page's filters, within the user's scope. */
export async function GET(request: Request) {
  const user = await getSessionUser();
  if (!user) return new Response("请先登录", { status: 401 });
  if (!libraryView(user)) {
    await auditDenied(user, "library.nominate");
    return new Response("无权执行此操作", { status: 403 });
  }
  const url = new URL(request.url);
  const search = memberSearchSchema.parse(Object.fromEntries(url.searchParams));
  const rows = await membersForExport(user, search);
  await writeAudit(db, {
    actor: { id: user.id, displayName: user.displayName, role: user.roles[0]?.role },
    operation: "library.export", outcome: "SUCCESS", summary: `导出重点联系专家库入库专家 ${rows.length} 人`,
    meta: await requestMeta(),
  });
  return exportResponse(parseExportFormat(url.searchParams.get("format")), "重点联系专家库入库专家", COLUMNS, rows);
}
