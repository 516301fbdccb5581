"use client";
import { Button } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { beginMfaAction, confirmMfaAction } from "@/lib/mfa/actions";

export function BeginMfaButton({ label }: { label: string }) {
  const form = useFormAction(beginMfaAction);
  return (
    <form action={form.action} className="space-y-2">
      <Button type="submit" disabled={form.pending}>{form.pending ? "处理中…" : label}</Button>
      {form.state && !form.state.ok && <Outcome state={form.state} />}
    </form>
  );
}

/** The code from the app; on success the recovery codes, shown this once. */
export function ConfirmMfaForm() {
  const form = useFormAction(confirmMfaAction);
  if (form.state?.ok) {
    return (
      <div className="space-y-3">
        <Outcome state={form.state} />
        <ol aria-label="恢复码" className="grid grid-cols-2 gap-2 rounded-md bg-slate-50 p-4 font-mono text-sm ring-1 ring-slate-200">
          {form.state.data.recoveryCodes.map((c) => <li key={c}>{c}</li>)}
        </ol>
        {/* A full page load into the console (the catch-all route makes the lint rule read every address as a page). */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/console" className="inline-block text-sm text-brand-700 hover:underline">已保存恢复码，进入工作台</a>
      </div>
    );
  }
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" aria-label="验证动态口令">
      <FormField id="mfa-code" label="动态口令" hint="验证器应用中当前显示的 6 位数字" errors={form.fieldErrors.code}>
        {(a11y) => <Input {...a11y} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} required className="max-w-40 font-mono tracking-widest" />}
      </FormField>
      <Button type="submit" disabled={form.pending}>{form.pending ? "验证中…" : "验证并启用"}</Button>
      {form.state && !form.state.ok && !form.fieldErrors.code && <Outcome state={form.state} />}
    </form>
  );
}
