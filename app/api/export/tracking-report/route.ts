import { queryObject } from "@/lib/search-params";
import { db } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import { holds } from "@/lib/auth/permissions";
import { auditDenied, auditSessionEnded, lookupSession, requestMeta } from "@/lib/auth/session";
import { downloadResponse } from "@/lib/export/table";
import { yearlyReport } from "@/lib/tracking/report";
import { trackingReportSchema } from "@/lib/tracking/schemas";
import { trackingView } from "@/lib/tracking/view";

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The yearly statistical report (several sheets): national for the ministry, the province's own for a province. */
export async function GET(req: Request): Promise<Response> {
  const url = new URL(req.url);
  const session = await lookupSession();
  if (!session.user) {
    await auditSessionEnded(session, url.pathname);
    return text("请先登录", 401);
  }
  const user = session.user;
  const view = holds(user, "tracking.export") ? trackingView(user) : null;
  // The yearly statistical report is filed by the ministry and the provinces; own views (unit, expert, base) file none.
  if (!view || view.own) {
    await auditDenied(user, "tracking.export", { type: "Export", id: url.pathname });
    return text("无权导出", 403);
  }
  const parsed = trackingReportSchema.safeParse(queryObject(url.searchParams));
  if (!parsed.success) return text("请选择正确的年度后再下载报表", 400);
  const { year, province } = parsed.data;
  // A report files one place's figures: another province's is refused (not an empty report under its name).
  if (province && !view.national && !view.provinceCodes.includes(province)) {
    await auditDenied(user, "tracking.export", { type: "Export", id: `${url.pathname}?province=${province}` });
    return text("无权导出其他省份的统计报表", 403);
  }
  const report = await yearlyReport(view, year, province);
  await writeAudit(db, {
    actor: { id: user.id, displayName: user.displayName, role: user.roles[0]?.role },
    operation: "tracking.export", outcome: "SUCCESS", entityType: "Export",
    summary: `导出${report.place}${year}年度统计报表`, after: { filters: url.searchParams.toString().slice(0, 400) },
    meta: await requestMeta(),
  });
  return downloadResponse(new Uint8Array(report.body), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `${report.place}${year}年度统计报表.xlsx`);
}
