"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { loginFailureMessage, MFA_PROMPT } from "@/lib/auth/login-messages";

export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  // Second factor: asked for once the password proved right for an account that has enrolled (lib/mfa).
  const [askOtp, setAskOtp] = useState(false);

  // onSubmit rather than a form action: React resets a form after its action, and a user who mistyped the
  // password should keep the account name.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    startTransition(async () => {
      const res = await signIn("credentials", {
        redirect: false,
        username: String(form.get("username") ?? ""),
        password: String(form.get("password") ?? ""),
        otp: String(form.get("otp") ?? ""),
      });
      if (!res || res.error) {
        if (MFA_PROMPT.includes(res?.error ?? "")) setAskOtp(true);
        setError(loginFailureMessage(res?.error));
        return;
      }
      router.replace(callbackUrl ?? "/console");
      router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="username" className="block text-sm font-medium text-slate-700">账号</label>
        <input id="username" name="username" autoComplete="username" required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none" />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium text-slate-700">密码</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 focus:border-brand-600 focus:outline-none" />
      </div>
      {askOtp && (
        <div>
          <label htmlFor="otp" className="block text-sm font-medium text-slate-700">动态口令或恢复码</label>
          <input id="otp" name="otp" autoComplete="one-time-code" inputMode="text" maxLength={20} required autoFocus
            aria-describedby="otp-hint"
            className="mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 font-mono tracking-widest focus:border-brand-600 focus:outline-none" />
          <p id="otp-hint" className="mt-1 text-xs text-slate-500">验证器应用中的 6 位数字；手机不在身边时可输入一个恢复码（每个只能用一次）。</p>
        </div>
      )}
      {error && <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">{error}</p>}
      <button type="submit" disabled={pending}
        className="w-full rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800 disabled:opacity-60">
        {pending ? "正在登录…" : "登录"}
      </button>
    </form>
  );
}
