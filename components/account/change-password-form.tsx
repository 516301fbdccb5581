"use client";
import { signOut } from "next-auth/react";
import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { changePasswordAction } from "@/lib/account/actions";

const RULE = "至少 8 位，包含大写字母、小写字母、数字、符号中的至少 3 类；不能包含账号名，不能是常见密码，不能与最近 5 次用过的密码相同";

export function ChangePasswordForm() {
  const change = useFormAction(changePasswordAction);
  const { state, fieldErrors: errors } = change;

  // The change ends every existing session (including this one): sign out and log in again.
  useEffect(() => {
    if (state?.ok) void signOut({ callbackUrl: "/login?reason=password-changed" });
  }, [state]);

  return (
    <form action={change.action} className="max-w-md space-y-4" noValidate>
      <FormField id="currentPassword" label="当前密码" errors={errors.currentPassword}>
        {(a) => <Input {...a} name="currentPassword" type="password" autoComplete="current-password" required />}
      </FormField>
      <FormField id="newPassword" label="新密码" hint={RULE} errors={errors.newPassword}>
        {(a) => <Input {...a} name="newPassword" type="password" autoComplete="new-password" required minLength={8} />}
      </FormField>
      <FormField id="confirmPassword" label="确认新密码" errors={errors.confirmPassword}>
        {(a) => <Input {...a} name="confirmPassword" type="password" autoComplete="new-password" required />}
      </FormField>
      {state?.ok ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
          {state.message ?? "密码已修改"}，正在退出…
        </p>
      ) : (
        <Outcome state={state} />
      )}
      <Button type="submit" disabled={change.pending || change.done}>{change.pending ? "正在保存…" : "保存"}</Button>
    </form>
  );
}
