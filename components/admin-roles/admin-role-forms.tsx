"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { grantAdminRoleAction, revokeAdminRoleAction } from "@/lib/admin-roles/actions";

const CHOICES = { SYSTEM_ADMIN: "系统管理员", SECURITY_ADMIN: "安全管理员", AUDIT_ADMIN: "审计管理员" };

/** Grant one of the three administrator roles to an existing account, by its username. */
export function GrantAdminRoleForm() {
  const form = useFormAction(grantAdminRoleAction);
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label="授予三员角色">
      <FormField id="grant-username" label="账号" errors={form.fieldErrors.username}>
        {(a11y) => <Input {...a11y} name="username" required maxLength={64} autoComplete="off" />}
      </FormField>
      <FormField id="grant-role" label="角色" errors={form.fieldErrors.role}>
        {(a11y) => <EnumSelect {...a11y} name="role" choices={CHOICES} placeholder="请选择" defaultValue="" required />}
      </FormField>
      <Button type="submit" disabled={form.pending}>{form.pending ? "处理中…" : "授予"}</Button>
      <div className="sm:col-span-3"><Outcome state={form.state} /></div>
    </form>
  );
}

export function RevokeAdminRoleButton({ userId, role, name, isSelf }: { userId: string; role: string; name: string; isSelf: boolean }) {
  const form = useFormAction(revokeAdminRoleAction);
  if (isSelf) return <span className="text-xs text-slate-500">本人（不能收回自己的角色）</span>;
  return (
    <div className="flex flex-col items-end gap-1">
      <ConfirmButton form={form} fields={{ userId, role }} label="收回" ariaLabel={`收回 ${name} 的角色`} variant="ghost" size="sm" compact
        question="确认收回该角色？" confirmAriaLabel={`确认收回 ${name} 的角色`} />
      <FieldError errors={form.error} alert compact />
    </div>
  );
}
