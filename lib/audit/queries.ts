import { z } from "zod";
import { db } from "@/lib/db";
import { chinaDayEnd, chinaDayStart } from "@/lib/calendar/china-time";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/auth/roles";
import { EXPORT_ROW_LIMIT } from "@/lib/export/table";
import { writeAudit } from "@/lib/audit/log";
import { requestMeta } from "@/lib/auth/session";

export const auditSearchSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  operation: z.string().trim().max(60).optional().catch(undefined),
  outcome: z.enum(["SUCCESS", "DENIED", "FAILURE"]).optional().catch(undefined),
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});

export type AuditSearch = z.infer<typeof auditSearchSchema>;
export const AUDIT_PAGE_SIZE = 50;

/** Audit rows matching the filters, newest first. Caller must hold audit.read (national). */
export async function searchAudit(search: AuditSearch, pageSize = AUDIT_PAGE_SIZE) {
  const where: Prisma.AuditLogWhereInput = {};
  if (search.q) {
    where.OR = [
      { actorName: { contains: search.q, mode: "insensitive" } },
      { summary: { contains: search.q, mode: "insensitive" } },
      { entityId: search.q },
      { ip: search.q },
    ];
  }
  if (search.operation) where.operation = { startsWith: search.operation };
  if (search.outcome) where.outcome = search.outcome;
  if (search.from || search.to) {
    where.createdAt = {
      ...(search.from ? { gte: chinaDayStart(search.from) } : {}),
      ...(search.to ? { lt: chinaDayEnd(search.to) } : {}),
    };
  }
  const [total, rows] = await Promise.all([
    db.auditLog.count({ where }),
    db.auditLog.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (search.page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true, createdAt: true, actorName: true, role: true, operation: true, entityType: true, entityId: true,
        outcome: true, summary: true, ip: true, before: true, after: true,
      },
    }),
  ]);
  return { total, rows, page: search.page, pageSize };
}

/**
 * The audit page's read: the search, and an audit row saying who looked and with which filters (GB/T 22239: the
 * auditors are audited too; the row is written before the rows are returned, so a read that fails half-way still
 * shows). Caller must hold audit.read.
 */
export async function readAuditLog(user: SessionUser, search: AuditSearch, path: string) {
  const filters = Object.entries(search).filter(([, v]) => v !== undefined && v !== "").map(([k, v]) => `${k}=${v}`).join("&");
  await writeAudit(db, {
    actor: { id: user.id, displayName: user.displayName, role: user.roles[0]?.role },
    operation: "audit.read", outcome: "SUCCESS", entityType: "AuditLog",
    summary: `查询审计日志（${path}${filters ? `?${filters}` : ""}）`.slice(0, 500), after: { filters },
    meta: await requestMeta(),
  });
  return searchAudit(search);
}

/** Every matching row, newest first, for the download (audit.read, national). */
export async function auditForExport(_user: SessionUser, search: AuditSearch) {
  return (await searchAudit({ ...search, page: 1 }, EXPORT_ROW_LIMIT)).rows;
}
