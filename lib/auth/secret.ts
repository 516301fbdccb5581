import { randomBytes } from "node:crypto";

const DEV_SECRET = "dev-only-secret-change-me-0123456789";
// The build renders no session, but loads the options: give it a throwaway key, never the known development one.
let buildSecret: string | undefined;

export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === "production") {
    if (process.env.NEXT_PHASE === "phase-production-build" || process.env.npm_lifecycle_event === "build") {
      buildSecret ??= randomBytes(32).toString("base64url");
      return buildSecret;
    }
    throw new Error("NEXTAUTH_SECRET 未设置：生产环境必须设置会话签名密钥（npm run demo 会自动生成）");
  }
  return DEV_SECRET;
}

/**
 * Session cookies carry `Secure` (and next-auth's __Secure- prefix) in production whatever NEXTAUTH_URL says, so a
 * misconfigured URL cannot send the session over plain HTTP. Browsers accept Secure cookies from http://localhost,
 * so a local production run still signs in. The demo (DEMO_MODE=1), often opened by address on a LAN over plain
 * HTTP, is the one exception.
 */
export function secureCookies(): boolean {
  if (process.env.NEXTAUTH_URL?.startsWith("https://")) return true;
  return process.env.NODE_ENV === "production" && process.env.DEMO_MODE !== "1";
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}
