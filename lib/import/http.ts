import { executeAction } from "@/lib/actions/pipeline";
import { auditDenied, auditSessionEnded, lookupSession, requestMeta } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/roles";
import { downloadResponse as download, toCsv } from "@/lib/export/table";
import { importKindSchema } from "@/lib/import/schemas";
import { MAX_FILE_BYTES } from "@/lib/import/read";
import { importerScopeOf, operationOf } from "@/lib/import/scope";
import { importJobErrors, importJobProgress, importJobScope, maySeeJob } from "@/lib/import/queries";
import { templateCsv, templateXlsx } from "@/lib/import/template";
import { uploadImportOp } from "@/lib/import/operations";

// The route handlers' bodies (app/api/imports/**): session, permission, then lib/import. JSON errors in Chinese.

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
const fail = (error: string, status: number) => json({ ok: false, error }, status);

async function sessionUser(target: string): Promise<SessionUser | null> {
  const found = await lookupSession();
  if (!found.user) await auditSessionEnded(found, target);
  return found.user;
}

/** Same-origin check for the multipart upload (server actions get this from Next; a route handler does it here). */
function crossSite(req: Request): boolean {
  const origin = req.headers.get("origin");
  if (!origin) return false;
  try {
    return new URL(origin).host !== (req.headers.get("x-forwarded-host") ?? req.headers.get("host"));
  } catch {
    return true;
  }
}

/** POST /api/imports — multipart: kind, file. */
export async function handleUpload(req: Request): Promise<Response> {
  const user = await sessionUser("/api/imports");
  if (!user) return fail("登录已超时，请重新登录", 401);
  if (crossSite(req)) return fail("请求来源不被允许", 403);
  const length = Number(req.headers.get("content-length") ?? "0");
  if (length > MAX_FILE_BYTES + 1024 * 1024) return fail("文件不能超过 20 MB", 413);
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return fail("上传内容无法读取，请重新选择文件", 400);
  }
  const kind = importKindSchema.safeParse(form.get("kind"));
  if (!kind.success) return fail("请选择导入类型", 400);
  const file = form.get("file");
  if (!(file instanceof File)) return fail("请选择文件", 400);
  if (file.size > MAX_FILE_BYTES) return fail("文件不能超过 20 MB", 413);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const result = await executeAction(uploadImportOp(kind.data), user, await requestMeta(), { fileName: file.name, bytes });
  if (result.ok) return json(result);
  const status = result.error === "无权执行此操作" ? 403 : 400;
  const fileError = result.fieldErrors?.file?.[0] ?? result.fieldErrors?.bytes?.[0] ?? result.fieldErrors?.fileName?.[0];
  return json({ ok: false, error: fileError ?? result.error }, status);
}

/** The job, when it exists and the user may see it; else the refusal response (audited). */
async function scopedJob(user: SessionUser, id: string) {
  const job = await importJobScope(id);
  if (!job) return { response: fail("导入任务不存在", 404) };
  if (!maySeeJob(user, job)) {
    await auditDenied(user, operationOf(job.kind), { type: "ImportJob", id });
    return { response: fail("无权查看该导入任务", 403) };
  }
  return { job };
}

/** GET /api/imports/[id] — progress, polled while committing. */
export async function handleProgress(id: string): Promise<Response> {
  const user = await sessionUser(`/api/imports/${id}`);
  if (!user) return fail("登录已超时，请重新登录", 401);
  const found = await scopedJob(user, id);
  if (found.response) return found.response;
  return json({ ok: true, data: await importJobProgress(id) });
}

/** GET /api/imports/[id]/errors — every row error as CSV. */
export async function handleErrorsCsv(id: string): Promise<Response> {
  const user = await sessionUser(`/api/imports/${id}/errors`);
  if (!user) return fail("登录已超时，请重新登录", 401);
  const found = await scopedJob(user, id);
  if (found.response) return found.response;
  const data = (await importJobErrors(id))!;
  const csv = toCsv(
    [
      { header: "行号", value: (e: (typeof data.errors)[number]) => e.row },
      { header: "列", value: (e) => e.column },
      { header: "错误原因", value: (e) => e.message },
    ],
    data.errors,
  );
  const base = data.fileName.replace(/\.[^.]*$/, "");
  return download(csv, "text/csv; charset=utf-8", `${base}-错误明细.csv`);
}

/** GET /api/imports/template?kind=experts|needs&format=xlsx|csv */
export async function handleTemplate(req: Request): Promise<Response> {
  const user = await sessionUser("/api/imports/template");
  if (!user) return fail("登录已超时，请重新登录", 401);
  const params = new URL(req.url).searchParams;
  const kind = importKindSchema.safeParse((params.get("kind") ?? "").toUpperCase());
  if (!kind.success) return fail("请选择导入类型", 400);
  const scope = importerScopeOf(user, kind.data);
  if (!scope) {
    await auditDenied(user, operationOf(kind.data));
    return fail("无权执行此操作", 403);
  }
  const name = kind.data === "EXPERTS" ? "专家导入模板" : "需求导入模板";
  if (params.get("format") === "csv") return download(await templateCsv(kind.data, scope), "text/csv; charset=utf-8", `${name}.csv`);
  const body = await templateXlsx(kind.data, scope);
  return download(new Uint8Array(body), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `${name}.xlsx`);
}
