import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { db } from "@/lib/db";
import { metaFromHeaders, writeAudit } from "@/lib/audit/log";
import { attemptLogin } from "@/lib/auth/login";
import { revokeSessions } from "@/lib/auth/revoke";
import { ABSOLUTE_LIFETIME_MS } from "@/lib/auth/session-policy";
import type { RoleGrant } from "@/lib/auth/roles";
import { authSecret, secureCookies } from "@/lib/auth/secret";

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  // Secure cookies by our rule (production), not next-auth's (an https NEXTAUTH_URL).
  useSecureCookies: secureCookies(),
  session: { strategy: "jwt", maxAge: ABSOLUTE_LIFETIME_MS / 1000 },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "账号密码",
      credentials: {
        username: { label: "账号", type: "text" }, password: { label: "密码", type: "password" }, otp: { label: "动态口令", type: "text" },
      },
      async authorize(credentials, req) {
        const headers = req?.headers as Record<string, string | undefined> | undefined;
        const meta = metaFromHeaders(headers ? { get: (n) => headers[n] ?? null } : null);
        const result = await attemptLogin(db, credentials, meta);
        // The code travels to the login form, which shows its Chinese message.
        if (!result.ok) throw new Error(result.detail ? `${result.reason}:${result.detail}` : result.reason);
        return {
          id: result.user.id, name: result.user.displayName, username: result.user.username, roles: result.user.roles,
          sessionVersion: result.user.sessionVersion,
        };
      },
    }),
  ],
  events: {
    async signOut({ token }) {
      if (!token?.uid) return;
      // Server-side revocation: the token (and any copy of the cookie) no longer matches the account's version.
      await revokeSessions(db, token.uid, token.sv);
      await writeAudit(db, {
        actor: { id: token.uid, displayName: token.name ?? token.username, role: token.roles?.[0]?.role },
        operation: "auth.logout", outcome: "SUCCESS", entityType: "User", entityId: token.uid, summary: "退出登录",
      });
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; username: string; roles: RoleGrant[]; sessionVersion: number };
        const now = Date.now();
        token.uid = u.id;
        token.username = u.username;
        token.roles = u.roles;
        token.sv = u.sessionVersion;
        token.loginAt = now;
        token.lastSeen = now;
      }
      return token;
    },
    async session({ session, token }) {
      return {
        ...session,
        uid: token.uid,
        username: token.username,
        roles: token.roles,
        sv: token.sv,
        loginAt: token.loginAt,
        lastSeen: token.lastSeen,
      };
    },
  },
};

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    username?: string;
    roles?: RoleGrant[];
    /** User.sessionVersion when the session began; lookupSession refuses the token once the account's moves on. */
    sv?: number;
    loginAt?: number;
    lastSeen?: number;
  }
}

declare module "next-auth" {
  interface Session {
    uid?: string;
    username?: string;
    roles?: RoleGrant[];
    /** User.sessionVersion when the session began; lookupSession refuses the token once the account's moves on. */
    sv?: number;
    loginAt?: number;
    lastSeen?: number;
  }
}
