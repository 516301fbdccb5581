export function authSecret(): string {
  const secret = process.env.NEXTAUTH_SECRET ?? process.env.AUTH_SECRET;
  if (secret) return secret;
  if (process.env.NODE_ENV === "production" && process.env.npm_lifecycle_event !== "build") {
    throw new Error("NEXTAUTH_SECRET 未设置：生产环境必须设置会话签名密钥（npm run demo 会自动生成）");
  }
  return "dev-only-secret-change-me-0123456789";
}

/** next-auth's own rule for the __Secure- cookie prefix. */
export function secureCookies(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

export function sessionCookieName(): string {
  return `${secureCookies() ? "__Secure-" : ""}next-auth.session-token`;
}
