"use client";
import { Button, LinkButton } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { RoleOrganizationFields, type GrantChoices } from "@/components/users/role-organization-fields";
import { createAccountAction } from "@/lib/users/actions";

type Props = GrantChoices & { listPath: string };

/** 新建账号: the role first, then an organization of a kind that role sits in; the one-time password shown once. */
export function CreateAccountForm({ listPath, roles, organizations }: Props) {
  const create = useFormAction(createAccountAction);
  const errors = create.fieldErrors;

  if (create.state?.ok) {
    const { username, oneTimePassword } = create.state.data;
    return (
      <div className="max-w-lg space-y-4">
        <div role="status" className="rounded-md bg-emerald-50 px-4 py-3 text-sm text-emerald-900 ring-1 ring-emerald-200">
          <p>账号 <span className="font-mono">{username}</span> 已创建。一次性密码只显示这一次，请当面或通过安全渠道告知本人；本人首次登录后须立即修改。</p>
          <p className="mt-2">一次性密码：<code aria-label="一次性密码" className="rounded bg-white px-2 py-1 font-mono text-base tracking-wider text-slate-900 ring-1 ring-emerald-300">{oneTimePassword}</code></p>
        </div>
        <div className="flex gap-2">
          <LinkButton href={`${listPath}?q=${encodeURIComponent(username)}`} variant="secondary">返回账号管理</LinkButton>
          <Button variant="ghost" onClick={create.reset}>继续新建</Button>
        </div>
      </div>
    );
  }

  return (
    <form onSubmit={create.onSubmit} className="max-w-lg space-y-4" noValidate>
      <FormField id="username" label="账号" hint="3–32 位字母、数字、下划线、点或连字符" errors={errors.username}>
        {(a) => <Input {...a} name="username" autoComplete="off" required maxLength={32} />}
      </FormField>
      <FormField id="displayName" label="姓名" errors={errors.displayName}>
        {(a) => <Input {...a} name="displayName" required maxLength={40} />}
      </FormField>
      <RoleOrganizationFields roles={roles} organizations={organizations} errors={errors} />
      <FormField id="expiresOn" label="有效期至（临时账号）" hint="留空为长期账号；到期次日起不能登录" errors={errors.expiresOn}>
        {(a) => <Input {...a} name="expiresOn" type="date" />}
      </FormField>
      <Outcome state={create.state} />
      <Button type="submit" disabled={create.pending}>{create.pending ? "正在创建…" : "创建账号"}</Button>
    </form>
  );
}
