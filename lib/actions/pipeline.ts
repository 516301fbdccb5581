import { refresh, revalidatePath } from "next/cache";
import { z } from "zod";
import { db, type Tx } from "@/lib/db";
import type { AuditCode } from "@/lib/audit/codes";
import { writeAudit, type AuditEntry, type RequestMeta } from "@/lib/audit/log";
import { chainSoon } from "@/lib/audit/chainer";
import { can, holds, OPERATIONS, type Operation, type ResourceScope } from "@/lib/auth/permissions";
import { auditSessionEnded, lookupSession, requestMeta } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/roles";
import { AppError, GENERIC_ERROR } from "@/lib/errors";
import { withoutNul } from "@/lib/search-params";

export type ActionResult<T> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

export type ActionContext<I> = {
  input: I;
  user: SessionUser;
  meta: RequestMeta;
  /** Refuse unless the user may perform the operation over this record (scope read from the database). */
  authorize: (resource: ResourceScope, entity?: { type: string; id: string }) => void;
  /** Write the success audit row; call it inside the transaction that made the change. */
  audit: (tx: Tx, entry: Omit<AuditEntry, "actor" | "meta" | "operation" | "outcome"> & { operation?: AuditCode }) => Promise<void>;
};

class Refused extends Error {
  constructor(readonly entity?: { type: string; id: string }) {
    super("refused");
  }
}

/** A programming error: the action changed (or tried to change) something without calling ctx.authorize first. */
export class Unauthorized extends Error {
  constructor(operation: Operation, when: string) {
    super(`[action ${operation}] ${when} without ctx.authorize: refused (deny by default)`);
  }
}

/** Turn FormData (or a plain object) into an object for zod; repeated keys become arrays. */
export function formDataToObject(input: FormData | Record<string, unknown>): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = input.getAll(key).map((v) => (typeof v === "string" ? withoutNul(v) : v));
    out[key] = all.length > 1 ? all : all[0];
  }
  return out;
}

export function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}

export type ActionDefinition<S extends z.ZodType, T> = {
  operation: Operation;
  schema: S;
  run: (ctx: ActionContext<z.infer<S>>) => Promise<T>;
  /** What the form shows on success; a function when it depends on what happened. */
  successMessage?: string | ((data: T) => string);
};

/** What a successful action refreshes: a path's cached pages (and the acting browser's view), or only that view. */
export type AfterSuccess = { revalidate?: { path: string; type?: "layout" | "page" }; refresh?: true };

/**
 * After success the acting browser re-renders what it shows (the signed-in pages render per request): for actions
 * whose results the public portal shows only in aggregate figures, which its cache bounds to 30 s anyway. No cached
 * page or portal read expires, on this process or any other.
 */
export const REFRESH_VIEW: AfterSuccess = { refresh: true };

/**
 * After success every cached page and portal read expires, on every process (the shared tags, lib/portal/cache-
 * handler.mjs), and the acting browser re-renders: for actions that change what the portal shows (cases,
 * announcements, challenges, activities and their selection).
 */
export const EXPIRE_ALL: AfterSuccess = { revalidate: { path: "/", type: "layout" } };

/**
 * The one pipeline every mutation goes through:
 * zod → session → permission (role first, then the record's scope via ctx.authorize) → run → audit → typed result.
 * Refusals are audited here; the success audit is written by `run` inside its transaction.
 */
export function defineAction<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  options: AfterSuccess = {},
) {
  return async function action(
    _prev: ActionResult<T> | null | undefined,
    raw: FormData | Record<string, unknown>,
  ): Promise<ActionResult<T>> {
    const session = await lookupSession();
    if (!session.user && session.mustChange && def.operation !== "account.changePassword") {
      return { ok: false, error: "请先修改初始密码" };
    }
    if (!session.user && session.mustEnrolMfa && def.operation !== "account.mfa") {
      return { ok: false, error: "请先完成双因素认证设置" };
    }
    if (!session.user && !session.mustChange && !session.mustEnrolMfa) await auditSessionEnded(session, `操作 ${def.operation}`);
    const result = await executeAction(def, session.user ?? session.mustChange ?? session.mustEnrolMfa ?? null, await requestMeta(), raw);
    if (result.ok && options.revalidate) revalidatePath(options.revalidate.path, options.revalidate.type);
    else if (result.ok && options.refresh) refresh();
    return result;
  };
}

/** The pipeline after the session is known; integration tests call it with users from the database. */
export async function executeAction<S extends z.ZodType, T>(
  def: ActionDefinition<S, T>,
  user: SessionUser | null,
  meta: RequestMeta,
  raw: FormData | Record<string, unknown>,
): Promise<ActionResult<T>> {
  const parsed = def.schema.safeParse(formDataToObject(raw));
  if (!parsed.success) return { ok: false, error: "请检查填写内容", fieldErrors: fieldErrorsOf(parsed.error) };
  if (!user) return { ok: false, error: "登录已超时，请重新登录" };

  const actor = { id: user.id, displayName: user.displayName, role: user.roles[0]?.role };
  const deny = async (entity?: { type: string; id: string }) => {
    await writeAudit(db, {
      actor, operation: def.operation, outcome: "DENIED", entityType: entity?.type, entityId: entity?.id,
      summary: `越权操作被拒：${OPERATIONS[def.operation]}`, meta,
    });
    return { ok: false as const, error: "无权执行此操作" };
  };
  if (!holds(user, def.operation)) return deny();

  // Deny by default: an action that never authorized may not write its success audit (the throw rolls back the
  // transaction it was called in, so its change never commits) nor report success.
  let authorized = false;
  const ctx: ActionContext<z.infer<S>> = {
    input: parsed.data,
    user,
    meta,
    authorize: (resource, entity) => {
      if (!can(user, def.operation, resource)) throw new Refused(entity);
      authorized = true;
    },
    audit: async (tx, entry) => {
      if (!authorized) throw new Unauthorized(def.operation, "audit");
      await writeAudit(tx, { ...entry, operation: entry.operation ?? def.operation, outcome: "SUCCESS", actor, meta });
    },
  };
  try {
    const data = await def.run(ctx);
    if (!authorized) throw new Unauthorized(def.operation, "finished");
    // Its transaction has committed: chain its audit row now (in the background) rather than at the next sweep.
    chainSoon(db);
    const message = typeof def.successMessage === "function" ? def.successMessage(data) : def.successMessage;
    return { ok: true, data, message };
  } catch (err) {
    if (err instanceof Refused) return deny(err.entity);
    if (err instanceof AppError) {
      if (err.code !== "VALIDATION") {
        await writeAudit(db, { actor, operation: def.operation, outcome: "FAILURE", summary: err.message, meta });
      }
      return { ok: false, error: err.message, fieldErrors: err.fieldErrors };
    }
    console.error(`[action ${def.operation}]`, err);
    return { ok: false, error: GENERIC_ERROR };
  }
}
