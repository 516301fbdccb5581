import type { ActionResult } from "@/lib/actions/pipeline";

/** The result of an action: its success message, or its Chinese error. */
export function Outcome({ state, success }: { state: ActionResult<unknown> | null | undefined; success?: string }) {
  if (!state) return null;
  return state.ok ? (
    <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">{state.message ?? success ?? "已保存"}</p>
  ) : (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">{state.error}</p>
  );
}

/** Field errors of a failed action (empty otherwise). */
export function fieldErrorsOf(state: ActionResult<unknown> | null | undefined): Record<string, string[]> {
  return state && !state.ok ? (state.fieldErrors ?? {}) : {};
}
