import type { Metadata } from "next";
import { BeginMfaButton, ConfirmMfaForm } from "@/components/account/mfa-forms";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { mfaStatus } from "@/lib/mfa/queries";

export const metadata: Metadata = { title: "双因素认证" };

export default async function MfaPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const user = await requirePermission("/account/mfa", "account.mfa");
  const { reason } = await searchParams;
  const status = await mfaStatus(user);
  return (
    <>
      <PageHeader title="双因素认证" subtitle="登录时除密码外，还需输入手机验证器应用（如 FreeOTP、Google Authenticator、微信小程序“腾讯身份验证器”）生成的动态口令。" />
      {reason === "enrol" && status.state !== "ON" && (
        <p role="status" className="mb-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          您的账号（部、省工作人员或管理员）须启用双因素认证，完成设置后才能使用平台的其他功能。
        </p>
      )}
      <Card>
        {status.state === "ON" && (
          <div className="space-y-2 text-sm text-slate-700">
            <p>双因素认证已于 {formatDateTime(status.enabledAt)} 启用。</p>
            <p>未使用的恢复码：{status.recoveryLeft} 个。{status.recoveryLeft <= 3 && "恢复码所剩不多，请联系系统管理员重置。"}</p>
          </div>
        )}
        {status.state === "OFF" && (
          <div className="space-y-3 text-sm text-slate-700">
            <p>{status.required ? "您的账号须启用双因素认证。" : "可选：启用后登录更安全。"}点击下方按钮生成密钥和二维码。</p>
            <BeginMfaButton label="开始设置" />
          </div>
        )}
        {status.state === "ENROLLING" && (
          <div className="space-y-4 text-sm text-slate-700">
            <p>1. 用验证器应用扫描二维码；无法扫描时手动输入密钥。</p>
            {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server; nothing to optimize */}
            <img src={status.qr} alt="双因素认证二维码（内容同下方密钥）" width={220} height={220} className="rounded ring-1 ring-slate-200" />
            <p>密钥：<code data-testid="mfa-secret" className="break-all rounded bg-slate-100 px-2 py-1 font-mono">{status.secret}</code></p>
            <p>2. 输入应用显示的 6 位动态口令完成启用。</p>
            <ConfirmMfaForm />
            <details className="text-xs text-slate-500">
              <summary className="cursor-pointer">重新生成密钥</summary>
              <div className="mt-2"><BeginMfaButton label="作废此密钥并重新生成" /></div>
            </details>
          </div>
        )}
      </Card>
    </>
  );
}
