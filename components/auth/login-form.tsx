"use client";
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { loginFailureMessage, MFA_PROMPT } from "@/lib/auth/login-messages";
import { loginChallengeAction, type LoginChallenge } from "@/lib/security/actions";

export function LoginForm({ callbackUrl }: { callbackUrl: string | null }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [captcha, setCaptcha] = useState<LoginChallenge["captcha"]>(null);
  const [pending, startTransition] = useTransition();
  // Second factor: asked for once the password proved right for an account that has enrolled (lib/mfa).
  const [askOtp, setAskOtp] = useState(false);

  // onSubmit rather than a form action: React resets a form after its action, and a user who mistyped the
  // password should keep the account name.
  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const username = String(form.get("username") ?? "");
    setError(null);
    startTransition(async () => {
      const res = await signIn("credentials", {
        redirect: false,
        username,
        password: String(form.get("password") ?? ""),
        otp: String(form.get("otp") ?? ""),
        ...(captcha ? { captchaId: captcha.id, captchaAnswer: String(form.get("captchaAnswer") ?? "") } : {}),
      });
      if (!res || res.error) {
        if (MFA_PROMPT.includes(res?.error ?? "")) setAskOtp(true);
        // A captcha is good for one try: after a failure, ask whether (another) one is needed.
        const challenge = await loginChallengeAction(username);
        setCaptcha(challenge.captcha);
        const answer = formElement.elements.namedItem("captchaAnswer");
        if (answer instanceof HTMLInputElement) answer.value = "";
        setError(challenge.error ?? loginFailureMessage(res?.error));
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
      {captcha && (
        <div>
          <label htmlFor="captchaAnswer" className="block text-sm font-medium text-slate-700">验证码</label>
          <div className="mt-1 flex items-center gap-3">
            <input id="captchaAnswer" name="captchaAnswer" autoComplete="off" required maxLength={10}
              aria-describedby="captcha-hint"
              className="block w-32 rounded-md border border-slate-300 px-3 py-2 uppercase focus:border-brand-600 focus:outline-none" />
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: image drawn by the server for this attempt */}
            <img src={captcha.image} alt="验证码图片" width={180} height={60} className="rounded border border-slate-200" />
          </div>
          <p id="captcha-hint" className="mt-1 text-xs text-slate-500">多次登录失败后需要输入图中的 5 个字符（不区分大小写）。</p>
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
