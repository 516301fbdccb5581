import type { z } from "zod";
import { db } from "@/lib/db";
import { queryObject } from "@/lib/search-params";
import type { AuditCode } from "@/lib/audit/codes";
import { writeAudit } from "@/lib/audit/log";
import { chinaDate } from "@/lib/calendar/china-time";
import { holds, type Operation } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { auditDenied, auditSessionEnded, lookupSession, requestMeta } from "@/lib/auth/session";
import { exportResponse, parseExportFormat, type ExportColumn } from "@/lib/export/table";

type ExportRouteDefinition<S extends z.ZodType, T> = {
  /** The permission needed to read the list (the rows themselves are limited to the user's scope by `rows`). */
  operation: Operation;
  /** Who may export, when it is more than holding `operation` (e.g. either of two operations). */
  allowed?: (user: SessionUser) => boolean;
  /** Audit operation name, e.g. "need.export". */
  auditOperation: AuditCode;
  /** The list page's own search schema, so an export has exactly the page's filters. */
  schema: S;
  rows: (user: SessionUser, search: z.infer<S>) => Promise<T[]>;
  columns: ExportColumn<T>[];
  /** File name without extension; the date (China time) is appended. */
  baseName: string;
  /** What the audit summary says was exported, e.g. (n) => `需求 ${n} 项`. */
  describe: (count: number) => string;
};

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/**
 * The GET handler of a list's download: session → permission → the page's filters → rows within scope → audit → file.
 * Every list exports through here, so each export is guarded and audited the same way.
 */
export function exportRoute<S extends z.ZodType, T>(def: ExportRouteDefinition<S, T>) {
  return async function GET(req: Request): Promise<Response> {
    const url = new URL(req.url);
    const session = await lookupSession();
    if (!session.user) {
      await auditSessionEnded(session, url.pathname);
      return text("请先登录", 401);
    }
    const user = session.user;
    if (!(def.allowed ? def.allowed(user) : holds(user, def.operation))) {
      await auditDenied(user, def.operation, { type: "Export", id: url.pathname });
      return text("无权导出", 403);
    }
    const parsed = def.schema.safeParse(queryObject(url.searchParams));
    if (!parsed.success) return text("筛选条件有误，请返回列表页重新查询后再导出", 400);
    const rows = await def.rows(user, parsed.data);
    await writeAudit(db, {
      actor: { id: user.id, displayName: user.displayName, role: user.roles[0]?.role },
      operation: def.auditOperation, outcome: "SUCCESS", entityType: "Export",
      summary: `导出${def.describe(rows.length)}`, after: { filters: url.searchParams.toString().slice(0, 400) },
      meta: await requestMeta(),
    });
    return exportResponse(parseExportFormat(url.searchParams.get("format")), `${def.baseName}-${chinaDate()}`, def.columns, rows);
  };
}
