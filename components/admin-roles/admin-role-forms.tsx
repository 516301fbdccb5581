"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { OneTimePasswordNote } from "@/components/users/one-time-password";
import { createAdminAccountAction, grantAdminRoleAction, resetAdminMfaAction, resetAdminPasswordAction, revokeAdminRoleAction } from "@/lib/admin-roles/actions";

const CHOICES = { SYSTEM_ADMIN: "系统管理员", SECURITY_ADMIN: "安全管理员", AUDIT_ADMIN: "审计管理员" };

/** The choice of one of the three roles. */
function AdminRoleField({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <FormField id={id} label="角色" errors={errors}>
      {(a11y) => <EnumSelect {...a11y} name="role" choices={CHOICES} placeholder="请选择" defaultValue="" required />}
    </FormField>
  );
}

/** Create a dedicated 三员 account: its one-time password is shown here once, to the security administrator. */
export function CreateAdminAccountForm() {
  const form = useFormAction(createAdminAccountAction);
  const created = form.state?.ok ? form.state.data : null;
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-[1fr_1fr_1fr_auto] sm:items-end" aria-label="新建三员账号">
      <FormField id="create-admin-username" label="账号" hint="3–32 位字母、数字、下划线、点或连字符" errors={form.fieldErrors.username}>
        {(a11y) => <Input {...a11y} name="username" required maxLength={32} autoComplete="off" />}
      </FormField>
      <FormField id="create-admin-name" label="姓名" errors={form.fieldErrors.displayName}>
        {(a11y) => <Input {...a11y} name="displayName" required maxLength={40} autoComplete="off" />}
      </FormField>
      <AdminRoleField id="create-admin-role" errors={form.fieldErrors.role} />
      <Button type="submit" disabled={form.pending}>{form.pending ? "处理中…" : "新建"}</Button>
      <div className="space-y-2 sm:col-span-4">
        <Outcome state={form.state} />
        {created && <OneTimePasswordNote username={created.username} password={created.oneTimePassword} />}
      </div>
    </form>
  );
}

/** Grant one of the three administrator roles to an existing account without a business role, by its username. */
export function GrantAdminRoleForm() {
  const form = useFormAction(grantAdminRoleAction);
  return (
    <form onSubmit={form.onSubmit} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end" aria-label="授予三员角色">
      <FormField id="grant-username" label="账号" errors={form.fieldErrors.username}>
        {(a11y) => <Input {...a11y} name="username" required maxLength={64} autoComplete="off" />}
      </FormField>
      <AdminRoleField id="grant-role" errors={form.fieldErrors.role} />
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

/** Reset another 三员 account's password (a one-time password, shown once) or its second factor. */
export function ResetAdminAccountButtons({ userId, username, isSelf }: { userId: string; username: string; isSelf: boolean }) {
  const password = useFormAction(resetAdminPasswordAction);
  const mfa = useFormAction(resetAdminMfaAction);
  if (isSelf) return null;
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        <ConfirmButton form={password} fields={{ userId }} label="重置密码" ariaLabel={`重置 ${username} 的密码`} variant="ghost" size="sm"
          compact question="重置后原密码失效、本人已登录的会话全部结束。确认重置？" confirmAriaLabel={`确认重置 ${username} 的密码`} />
        <ConfirmButton form={mfa} fields={{ userId }} label="重置二次验证" ariaLabel={`重置 ${username} 的二次验证`} variant="ghost" size="sm"
          compact question="将清除其动态口令密钥和恢复码并结束全部会话。确认重置？" confirmAriaLabel={`确认重置 ${username} 的二次验证`} />
      </div>
      {password.state?.ok && <OneTimePasswordNote username={username} password={password.state.data.oneTimePassword} />}
      {mfa.state?.ok && <p role="status" className="text-xs text-emerald-800">{mfa.state.message}</p>}
    </div>
  );
}
