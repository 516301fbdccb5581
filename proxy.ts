import { NextResponse, type NextRequest } from "next/server";
import { encode, getToken } from "next-auth/jwt";
import { authSecret, sessionCookieName, secureCookies } from "@/lib/auth/secret";
import { ABSOLUTE_LIFETIME_MS, needsTouch, sessionState } from "@/lib/auth/session-policy";
import { securityHeaders, servedOverHttps } from "@/lib/security/headers";
import { isPrerenderedPath } from "@/lib/security/prerendered";

// Only redirects, keeps the idle clock and sets the security headers; every page, action and route authorizes on its own.
const SIGNED_IN_AREAS = ["/console", "/ministry", "/province", "/unit", "/expert", "/base", "/enterprise", "/account", "/notifications", "/needs", "/experts", "/library", "/imports", "/engagements", "/matching", "/activities", "/department", "/editorial", "/certificates", "/commendations", "/tracking", "/system", "/security", "/audit"];

function toLogin(req: NextRequest) {
  const url = new URL("/login", req.url);
  url.searchParams.set("callbackUrl", req.nextUrl.pathname + req.nextUrl.search);
  return NextResponse.redirect(url);
}

export async function proxy(req: NextRequest) {
  const https = servedOverHttps(req.nextUrl.protocol, req.headers.get("x-forwarded-proto"));
  // A prerendered page (lib/security/prerendered.ts) is built once, so no per-request nonce can be on its scripts: it
  // gets the policy without one, which blocks every inline script until scripts/serve.ts adds the hashes of Next's
  // own (fail closed). In development every page renders per request, so every page keeps the nonce.
  if (isPrerenderedPath(req.nextUrl.pathname) && process.env.NODE_ENV === "production") {
    const res = await route(req, () => NextResponse.next(), true);
    for (const [name, value] of Object.entries(securityHeaders(null, https))) res.headers.set(name, value);
    return res;
  }
  // A fresh nonce per response: Next reads it from the request's Content-Security-Policy and puts it on its scripts.
  const nonce = btoa(crypto.randomUUID());
  const headers = securityHeaders(nonce, https);
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", headers["Content-Security-Policy"]);
  const pass = () => NextResponse.next({ request: { headers: requestHeaders } });

  const res = await route(req, pass, false);
  for (const [name, value] of Object.entries(headers)) res.headers.set(name, value);
  return res;
}

async function route(req: NextRequest, pass: () => NextResponse, shared: boolean): Promise<NextResponse> {
  const path = req.nextUrl.pathname;
  const guarded = SIGNED_IN_AREAS.some((p) => path === p || path.startsWith(`${p}/`));
  const secret = authSecret();
  const token = await getToken({ req, secret, secureCookie: secureCookies() });

  if (!token) return guarded ? toLogin(req) : pass();
  const now = Date.now();
  if (sessionState(token, now) === "expired") {
    // Guarded pages see the ended session themselves (they audit it and send the user to sign in again);
    // the stale cookie is dropped once the user is on the login page.
    const res = pass();
    if (path === "/login") res.cookies.delete(sessionCookieName());
    return res;
  }
  const res = pass();
  if (needsTouch(token, now)) {
    const remainingS = Math.max(1, Math.floor(((token.loginAt ?? now) + ABSOLUTE_LIFETIME_MS - now) / 1000));
    const value = await encode({ token: { ...token, lastSeen: now }, secret, maxAge: remainingS });
    res.cookies.set(sessionCookieName(), value, {
      httpOnly: true, sameSite: "lax", path: "/", secure: secureCookies(), maxAge: remainingS,
    });
    // A prerendered page says it may be kept by shared caches (s-maxage); not this response, which carries a cookie.
    if (shared) res.headers.set("Cache-Control", "private, no-store");
  }
  return res;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/auth|api/health).*)"],
};
