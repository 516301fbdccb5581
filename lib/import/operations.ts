import { db } from "@/lib/db";
import type { ImportKind } from "@/lib/generated/prisma/enums";
import type { ActionContext, ActionDefinition } from "@/lib/actions/pipeline";
import { notFound } from "@/lib/errors";
import { jobIdSchema, uploadSchema } from "@/lib/import/schemas";
import { importerScopeOf, jobResource, operationOf } from "@/lib/import/scope";
import { cancelImportJob, commitImportJob, createImportJob } from "@/lib/import/service";

// One definition per kind, because the operation (expert.import / need.import) decides who may act.

export function uploadImportOp(kind: ImportKind) {
  return {
    operation: operationOf(kind),
    schema: uploadSchema,
    async run(ctx) {
      const scope = importerScopeOf(ctx.user, kind);
      if (!scope) {
        ctx.authorize({});
        throw notFound("导入范围");
      }
      ctx.authorize(scope.national ? {} : jobResource(scope));
      return createImportJob({
        kind, fileName: ctx.input.fileName, bytes: ctx.input.bytes, scope, createdById: ctx.user.id,
        audit: (tx, entry) => ctx.audit(tx, entry),
      });
    },
  } satisfies ActionDefinition<typeof uploadSchema, { id: string; totalRows: number; validRows: number; errorCount: number }>;
}

/** The job, scoped: another kind's job is "not found"; another scope's job is refused (audited). */
async function authorizedJob(ctx: ActionContext<{ jobId: string }>, kind: ImportKind) {
  const job = await db.importJob.findUnique({
    where: { id: ctx.input.jobId },
    select: { id: true, kind: true, provinceCode: true, organizationId: true },
  });
  if (!job || job.kind !== kind) throw notFound("导入任务");
  ctx.authorize(jobResource(job), { type: "ImportJob", id: job.id });
  return job;
}

export function commitImportOp(kind: ImportKind, opts: { chunkSize?: number } = {}) {
  return {
    operation: operationOf(kind),
    schema: jobIdSchema,
    async run(ctx) {
      const job = await authorizedJob(ctx, kind);
      return commitImportJob(job, ctx.user.id, (tx, entry) => ctx.audit(tx, entry), opts);
    },
  } satisfies ActionDefinition<typeof jobIdSchema, { committedRows: number }>;
}

export function cancelImportOp(kind: ImportKind) {
  return {
    operation: operationOf(kind),
    schema: jobIdSchema,
    successMessage: "已放弃本次导入，未写入任何数据",
    async run(ctx) {
      const job = await authorizedJob(ctx, kind);
      await cancelImportJob(job, (tx, entry) => ctx.audit(tx, entry));
      return null;
    },
  } satisfies ActionDefinition<typeof jobIdSchema, null>;
}
