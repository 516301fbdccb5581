/**
 * The client's address (GB/T 22239 audit records and per-address limits). `X-Forwarded-For` is whatever the client
 * sent plus one entry per proxy, so only the entries added by proxies we run can be believed: with TRUSTED_PROXY_HOPS
 * = n (default 0), the address is the n-th from the right of [...X-Forwarded-For, socket address]; with 0 the header
 * is ignored and the socket address is the client.
 *
 * Next does not hand the socket address to the app, so the platform's server (scripts/serve.ts) works it out per
 * request and passes it in CLIENT_IP_HEADER, after removing any copy the client sent.
 */
export const CLIENT_IP_HEADER = "x-platform-client-ip";
/** Set (in its own process) by scripts/serve.ts: only then is CLIENT_IP_HEADER the server's word. */
export const CLIENT_IP_FLAG = "PLATFORM_CLIENT_IP_HEADER";

export function trustedProxyHops(): number {
  const n = Number(process.env.TRUSTED_PROXY_HOPS ?? 0);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 10) : 0;
}

function normalize(address: string | null | undefined): string | null {
  const a = address?.trim().replace(/^\[|\]$/g, "");
  if (!a) return null;
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  const value = v4 ? v4[1] : a;
  // Only what an address can look like (an audit column and a rate-limit key, never free text).
  return /^[0-9a-fA-F:.]{2,45}$/.test(value) ? value : null;
}

export function resolveClientIp(forwardedFor: string | string[] | null | undefined, socketAddress: string | null | undefined, hops: number): string | null {
  const socket = normalize(socketAddress);
  if (hops <= 0) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor ?? "";
  const chain = [...header.split(",").map((s) => s.trim()).filter(Boolean), ...(socket ? [socket] : [])];
  if (!chain.length) return null;
  // Beyond the chain's start, the leftmost entry is as far as anyone vouches for.
  return normalize(chain[Math.max(0, chain.length - 1 - hops)]);
}

/** The address as the app sees it: the platform server's header, or nothing when some other server runs the app. */
export function clientIpFromHeaders(h: { get(name: string): string | null }): string | null {
  if (process.env[CLIENT_IP_FLAG] !== "1") return null;
  return normalize(h.get(CLIENT_IP_HEADER));
}
