import { trustedProxyHops } from "@/lib/security/client-ip";

/**
 * The security headers of every page (proxy.ts). A page rendered per request runs scripts only with this response's
 * nonce (Next adds it to its own scripts; 'strict-dynamic' lets those load the chunks they need), so injected markup
 * cannot run script. A prerendered page (lib/security/prerendered.ts) cannot carry a per-request nonce: with `nonce`
 * null the policy allows scripts from this origin only (`script-src 'self'`, no 'strict-dynamic'), so every inline
 * script is blocked until scripts/serve.ts adds the hashes of the page's own (`withScriptHashes`) — fail closed.
 * Styles keep 'unsafe-inline': React's style attributes need it, and styles cannot run code.
 */
export function contentSecurityPolicy(nonce: string | null, dev = process.env.NODE_ENV !== "production"): string {
  const scripts = nonce === null ? "'self'" : `'self' 'nonce-${nonce}' 'strict-dynamic'`;
  return [
    "default-src 'self'",
    `script-src ${scripts}${dev ? " 'unsafe-eval'" : ""}`,
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

/** A policy's sources for one directive (`script-src`), or null when it has none. */
export function directiveSources(policy: string, name: string): string[] | null {
  for (const directive of policy.split(";")) {
    const [first, ...sources] = directive.trim().split(/\s+/);
    if (first?.toLowerCase() === name) return sources;
  }
  return null;
}

const HASH_SOURCE = /^'sha(256|384|512)-[A-Za-z0-9+/]+={0,2}'$/;

/**
 * The policy with `hashes` ('sha256-…' sources) added to its script-src, everything else unchanged. Only for a
 * policy without a nonce: beside a nonce (and 'strict-dynamic') hashes would add nothing the nonce does not allow.
 */
export function withScriptHashes(policy: string, hashes: readonly string[]): string {
  const bad = hashes.find((h) => !HASH_SOURCE.test(h));
  if (bad !== undefined) throw new Error(`not a hash source: ${bad}`);
  if (/'nonce-/.test(policy)) throw new Error("withScriptHashes: the policy carries a nonce");
  let found = false;
  const directives = policy.split(";").map((directive) => {
    const trimmed = directive.trim();
    if (!/^script-src(\s|$)/i.test(trimmed)) return trimmed;
    found = true;
    const sources = trimmed.split(/\s+/).slice(1);
    return ["script-src", ...sources, ...[...new Set(hashes)].filter((h) => !sources.includes(h))].join(" ");
  });
  if (!found) throw new Error("withScriptHashes: the policy has no script-src");
  return directives.filter(Boolean).join("; ");
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

/** `nonce` null: a prerendered page's policy (hashes added by scripts/serve.ts). */
export function securityHeaders(nonce: string | null, https: boolean): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce),
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}
