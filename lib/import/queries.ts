import { db } from "@/lib/db";
import type { ImportKind, ImportState } from "@/lib/generated/prisma/enums";
import type { InScope } from "@/lib/auth/load-in-scope";
import { can } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import type { RowError } from "@/lib/import/columns";
import { jobResource, jobsWhere, operationOf } from "@/lib/import/scope";
import { failStaleCommits } from "@/lib/import/service";

export const JOB_PAGE_SIZE = 20;
export const ERROR_PAGE_SIZE = 50;

/** Import jobs the user may see (see lib/import/scope.ts), newest first. */
export async function listImportJobs(user: SessionUser, page: number) {
  const where = jobsWhere(user);
  if (!where) return { total: 0, page: 1, pageSize: JOB_PAGE_SIZE, rows: [] };
  const [total, rows] = await Promise.all([
    db.importJob.count({ where }),
    db.importJob.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * JOB_PAGE_SIZE,
      take: JOB_PAGE_SIZE,
      select: {
        id: true, kind: true, state: true, fileName: true, totalRows: true, validRows: true, committedRows: true,
        createdAt: true, createdById: true,
      },
    }),
  ]);
  const creators = await db.user.findMany({
    where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } },
    select: { id: true, displayName: true },
  });
  const nameOf = new Map(creators.map((c) => [c.id, c.displayName]));
  return {
    total, page, pageSize: JOB_PAGE_SIZE,
    rows: rows.map(({ createdById, ...r }) => ({ ...r, createdBy: nameOf.get(createdById) ?? "—", mine: createdById === user.id })),
  };
}

/** Just where a job sits, for the page's permission check (null when there is no such job). */
export async function importJobScope(id: string) {
  await failStaleCommits();
  return db.importJob.findUnique({ where: { id }, select: { id: true, kind: true, provinceCode: true, organizationId: true } });
}

/** A job's scope, if the user holds its kind's import operation over it (for lib/auth/load-in-scope). */
export function importJobInScope(id: string): InScope<NonNullable<Awaited<ReturnType<typeof importJobScope>>>> {
  return { operation: (job) => operationOf(job.kind), entity: { type: "ImportJob", id }, load: () => importJobScope(id), scopeOf: jobResource };
}

export function maySeeJob(user: SessionUser, job: { kind: ImportKind; provinceCode: string | null; organizationId: string | null }) {
  return can(user, operationOf(job.kind), jobResource(job));
}

export type JobProgress = {
  id: string;
  kind: ImportKind;
  state: ImportState;
  totalRows: number;
  validRows: number;
  processedRows: number;
  committedRows: number;
  failureReason: string | null;
};

/** The progress poll's answer (the caller has checked maySeeJob). */
export async function importJobProgress(id: string): Promise<JobProgress | null> {
  return db.importJob.findUnique({
    where: { id },
    select: { id: true, kind: true, state: true, totalRows: true, validRows: true, processedRows: true, committedRows: true, failureReason: true },
  });
}

/** The job page: summary, and one page of row errors sliced in the database (a file may have tens of thousands). */
export async function importJobDetail(id: string, errorPage: number) {
  const job = await db.importJob.findUnique({
    where: { id },
    select: {
      id: true, kind: true, state: true, fileName: true, totalRows: true, validRows: true, processedRows: true,
      committedRows: true, failureReason: true, createdAt: true, finishedAt: true, createdById: true,
    },
  });
  if (!job) return null;
  const creator = await db.user.findUnique({ where: { id: job.createdById }, select: { displayName: true } });
  const [counts] = await db.$queryRaw<{ total: number; rows: number; header: number }[]>`
    SELECT count(*)::int AS total,
           count(DISTINCT (e->>'row')::int) FILTER (WHERE (e->>'row')::int > 1)::int AS rows,
           count(*) FILTER (WHERE (e->>'row')::int = 1)::int AS header
    FROM "ImportJob" j, jsonb_array_elements(j."errors") e WHERE j."id" = ${id}`;
  const lastPage = Math.max(1, Math.ceil(counts.total / ERROR_PAGE_SIZE));
  const page = Math.min(errorPage, lastPage);
  const slice = await db.$queryRaw<{ e: RowError }[]>`
    SELECT e.value AS e FROM "ImportJob" j, jsonb_array_elements(j."errors") WITH ORDINALITY AS e(value, i)
    WHERE j."id" = ${id} ORDER BY e.i OFFSET ${(page - 1) * ERROR_PAGE_SIZE} LIMIT ${ERROR_PAGE_SIZE}`;
  return {
    id: job.id, kind: job.kind, state: job.state, fileName: job.fileName, totalRows: job.totalRows,
    validRows: job.validRows, processedRows: job.processedRows, committedRows: job.committedRows,
    failureReason: job.failureReason, createdAt: job.createdAt, finishedAt: job.finishedAt,
    createdBy: creator?.displayName ?? "—",
    errorCount: counts.total,
    errorRows: counts.rows,
    headerErrors: counts.header,
    errorPage: page,
    errorPageSize: ERROR_PAGE_SIZE,
    errors: slice.map((r) => r.e),
  };
}

/** Every row error of a job, for the CSV download. */
export async function importJobErrors(id: string): Promise<{ fileName: string; errors: RowError[] } | null> {
  const rows = await db.$queryRaw<{ fileName: string; errors: string }[]>`
    SELECT "fileName", "errors"::text AS errors FROM "ImportJob" WHERE "id" = ${id}`;
  if (!rows.length) return null;
  const errors: unknown = JSON.parse(rows[0].errors);
  return { fileName: rows[0].fileName, errors: (Array.isArray(errors) ? errors : []) as RowError[] };
}
