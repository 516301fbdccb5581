"use server";
import { db } from "@/lib/db";
import { requestMeta } from "@/lib/auth/session";
import { captchaRequired } from "@/lib/auth/login";
import { issueCaptcha } from "@/lib/security/captcha";
import { addressKey, LIMITS, overLimit } from "@/lib/security/rate-limit";

export type LoginChallenge = { captcha: { id: string; image: string } | null; error?: string };

/**
 * Asked by the sign-in form after a failed attempt: a fresh captcha when this address must solve one for this
 * account name (lib/auth/login.ts), else none. Public, so issuing images is itself limited per address.
 */
export async function loginChallengeAction(username: string): Promise<LoginChallenge> {
  const name = typeof username === "string" ? username.slice(0, 64) : "";
  const meta = await requestMeta();
  if (!(await captchaRequired(db, meta.ip, name))) return { captcha: null };
  if (await overLimit(db, `captcha:addr:${addressKey(meta.ip)}`, LIMITS.captchaPerAddress)) {
    return { captcha: null, error: "验证码请求过于频繁，请 15 分钟后再试" };
  }
  const { id, svg } = await issueCaptcha(db);
  return { captcha: { id, image: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` } };
}
