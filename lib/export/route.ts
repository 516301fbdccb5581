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

export type ExportRouteDefinition<S extends z.ZodType, T> = {
  /** The permission needed to read the list (the rows themselves are limited to the user's scope by `rows`). */
  operation: Operation;
  /** Who may export, when it is more than holding `operation` (e.g. either of two operations). */
  allowed?: (user: SessionUser) => boolean;
  /** Audit operation name, e.g. "need.export". */
  auditOperation: AuditCode;
  /** The list page's own search schema, so an export has exactly the page's filters. */
  schema: S;
  /**
   * Refuses a request the permission alone allows but the search does not (e.g. another role's table): the reason,
   * in Chinese, answered as a 403 and audited; null lets it through.
   */
  refuse?: (user: SessionUser, search: z.infer<S>) => string | null;
  rows: (user: SessionUser, search: z.infer<S>) => Promise<T[]>;
  /** The file's columns, fixed or chosen by the search (one route serving several tables). */
  columns: ExportColumn<T>[] | ((search: z.infer<S>) => ExportColumn<T>[]);
  /** File name without extension; the date (China time) is appended. */
  baseName: string | ((search: z.infer<S>) => string);
  /** What the audit summary says was exported, e.g. (n) => `需求 ${n} 项`. */
  describe: (count: number) => string;
};

const text = (body: string, status: number) => new Response(body, { status, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** Why a download's query was refused: the schema's own Chinese message when it has one, else the generic one. */
function badQuery(error: z.ZodError): string {
  const reason = error.issues[0]?.message ?? "";
  return /\p{Script=Han}/u.test(reason) ? `筛选条件有误：${reason}。请返回列表页重新查询后再导出` : "筛选条件有误，请返回列表页重新查询后再导出";
}

/**
 * One download for a signed-in user: permission → the page's filters → refusal → rows within scope → audit → file.
 * The route's GET (below) adds the session; tests call this with a user.
 */
export async function exportFor<S extends z.ZodType, T>(def: ExportRouteDefinition<S, T>, user: SessionUser, url: URL): Promise<Response> {
  if (!(def.allowed ? def.allowed(user) : holds(user, def.operation))) {
    await auditDenied(user, def.operation, { type: "Export", id: url.pathname });
    return text("无权导出", 403);
  }
  const parsed = def.schema.safeParse(queryObject(url.searchParams));
  if (!parsed.success) return text(badQuery(parsed.error), 400);
  const refusal = def.refuse?.(user, parsed.data) ?? null;
  if (refusal) {
    await auditDenied(user, def.operation, { type: "Export", id: `${url.pathname}?${url.searchParams.toString().slice(0, 200)}` });
    return text(refusal, 403);
  }
  const rows = await def.rows(user, parsed.data);
  await writeAudit(db, {
    actor: { id: user.id, displayName: user.displayName, role: user.roles[0]?.role },
    operation: def.auditOperation, outcome: "SUCCESS", entityType: "Export",
    summary: `导出${def.describe(rows.length)}`, after: { filters: url.searchParams.toString().slice(0, 400) },
    meta: await requestMeta(),
  });
  const columns = typeof def.columns === "function" ? def.columns(parsed.data) : def.columns;
  const baseName = typeof def.baseName === "function" ? def.baseName(parsed.data) : def.baseName;
  return exportResponse(parseExportFormat(url.searchParams.get("format")), `${baseName}-${chinaDate()}`, columns, rows);
}

/**
 * The GET handler of a list's download: session, then `exportFor`.
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
    return exportFor(def, session.user, url);
  };
}
