/**
 * The pages served prerendered — built once and kept in Next's cache (ISR: `export const revalidate`), not rendered per
 * request — and so without a per-request CSP nonce: the home page, the public detail pages of a case, a challenge, a
 * demonstration activity and an announcement, and the static 403 page. For these, proxy.ts sends a policy without a
 * nonce (`script-src 'self'`: every inline script blocked) and scripts/serve.ts adds the sha256 of the page's own
 * inline scripts (lib/security/script-hashes.ts). Everything else renders per request with a nonce.
 *
 * One list for both: a page on it that rendered per request would still work (its scripts hashed), but a prerendered
 * page missing from it would get a nonce its scripts do not carry, and would not run (tests/e2e/portal-cache.spec.ts
 * compares this list with the build's prerender manifest).
 */
const PRERENDERED: readonly RegExp[] = [
  /^\/$/,
  /^\/(?:cases|challenges|demonstrations|announcements)\/[^/]+$/,
  /^\/forbidden$/,
];

export function isPrerenderedPath(pathname: string): boolean {
  return PRERENDERED.some((re) => re.test(pathname));
}
