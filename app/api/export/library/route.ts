import { exportResponse, parseExportFormat } from "@/lib/export/table";
import { auditDenied, getSessionUser, requestMeta } from "@/lib/auth/session";
import { writeAudit } from "@/lib/audit/log";
import { db } from "@/lib/db";
import { MEMBER_EXPORT_COLUMNS, MEMBER_EXPORT_NAME } from "@/lib/library/export";
import { libraryView, membersForExport } from "@/lib/library/queries";
import { memberSearchSchema } from "@/lib/library/schemas";

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
  return exportResponse(parseExportFormat(url.searchParams.get("format")), MEMBER_EXPORT_NAME, MEMBER_EXPORT_COLUMNS, rows);
}
