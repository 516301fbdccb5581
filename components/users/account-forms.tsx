"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormField, Input } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { RoleOrganizationFields, type GrantChoices } from "@/components/users/role-organization-fields";
import { grantRoleAction, resetMfaAction, revokeRoleAction, setExpiryAction } from "@/lib/users/actions";

// The forms of an account's page (components/users/account-page.tsx); every one is checked again by its action.

/** 分配角色: a role and an organization of the administrator's scope. */
export function GrantRoleForm({ userId, roles, organizations }: GrantChoices & { userId: string }) {
  const grant = useFormAction(grantRoleAction);
  return (
    <form onSubmit={grant.onSubmit} className="max-w-lg space-y-4" noValidate aria-label="分配角色">
      <input type="hidden" name="userId" value={userId} />
      <RoleOrganizationFields roles={roles} organizations={organizations} errors={grant.fieldErrors} idPrefix="grant-"
        organizationLabel="角色所在单位" />
      <Outcome state={grant.state} />
      <Button type="submit" disabled={grant.pending}>{grant.pending ? "正在分配…" : "分配角色"}</Button>
    </form>
  );
}

/** 撤销角色, with a confirmation step. */
export function RevokeRoleButton({ userId, grantId, roleLabel }: { userId: string; grantId: string; roleLabel: string }) {
  const revoke = useFormAction(revokeRoleAction);
  return (
    <ConfirmButton form={revoke} fields={{ userId, grantId }} label="撤销" ariaLabel={`撤销角色 ${roleLabel}`} variant="ghost" size="sm"
      compact question="撤销后对方立即失去该角色的权限。确认撤销？" confirmAriaLabel={`确认撤销角色 ${roleLabel}`} />
  );
}

/** 有效期: a temporary account's last day, or none (a permanent account). */
export function ExpiryForm({ userId, expiresOn }: { userId: string; expiresOn: string }) {
  const save = useFormAction(setExpiryAction);
  return (
    <form onSubmit={save.onSubmit} className="max-w-lg space-y-4" noValidate aria-label="设置有效期">
      <input type="hidden" name="userId" value={userId} />
      <FormField id="expiresOn" label="有效期至（临时账号）" hint="留空为长期账号；到期次日起不能登录，已登录的会话随即结束" errors={save.fieldErrors.expiresOn}>
        {(a) => <Input {...a} name="expiresOn" type="date" defaultValue={expiresOn} />}
      </FormField>
      <Outcome state={save.state} />
      <Button type="submit" variant="secondary" disabled={save.pending}>{save.pending ? "正在保存…" : "保存有效期"}</Button>
    </form>
  );
}

/**
 * 重置二次验证 (a lost phone), with a confirmation step. Stays mounted after the reset, so its message outlives the
 * page's refresh (which shows the factor as not set).
 */
export function ResetMfaPanel({ userId, username, enrolled }: { userId: string; username: string; enrolled: boolean }) {
  const reset = useFormAction(resetMfaAction);
  return (
    <div className="flex flex-wrap items-center gap-2">
      {enrolled ? (
        <ConfirmButton form={reset} fields={{ userId }} label="重置二次验证" ariaLabel={`重置 ${username} 的二次验证`} variant="danger"
          question="重置后该账号的动态口令密钥和全部恢复码作废，本人已登录的会话全部结束；需要二次验证的账号须在下次登录时重新设置。确认重置？"
          confirmAriaLabel={`确认重置 ${username} 的二次验证`} />
      ) : (
        !reset.done && <p className="text-sm text-slate-600">该账号未设置二次验证，无需重置。</p>
      )}
      {reset.done && <div className="basis-full"><Outcome state={reset.state} /></div>}
    </div>
  );
}
