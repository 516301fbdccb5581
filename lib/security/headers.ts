import { trustedProxyHops } from "@/lib/security/client-ip";

/**
 * The security headers of every page (proxy.ts). Scripts run only with this response's nonce (Next adds it to its
 * own scripts; 'strict-dynamic' lets those load the chunks they need), so injected markup cannot run script.
 * Styles keep 'unsafe-inline': React's style attributes need it, and styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV !== "production"): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Browser features the platform never uses, switched off for it and anything it might embed. */
export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=()";

export const HSTS = "max-age=31536000; includeSubDomains";

/**
 * Whether the browser reached us over HTTPS: the request's own scheme, or X-Forwarded-Proto when a trusted proxy
 * (TRUSTED_PROXY_HOPS > 0) terminated TLS. HSTS is sent only then (over plain HTTP it would be ignored or, on a
 * misconfigured proxy, lock users out).
 */
export function servedOverHttps(protocol: string, forwardedProto: string | null): boolean {
  if (protocol === "https:") return true;
  return trustedProxyHops() > 0 && forwardedProto?.split(",").at(-1)?.trim().toLowerCase() === "https";
}

export function securityHeaders(nonce: string, https: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
