// Where a sign-in may send the user afterwards: only a path on this site. Browsers read `/\evil.com`, `/%5Cevil.com`,
// `\/evil.com` and paths with tabs or newlines inside as other origins, so anything but a plain same-origin path is
// refused (null), and the caller falls back to the user's console.

const BASE = "http://same-origin.invalid";

export function safeRedirectPath(raw: string | null | undefined): string | null {
  if (!raw || raw.length > 2048) return null;
  if (!raw.startsWith("/") || raw.startsWith("//")) return null;
  // Backslashes, control characters and encoded slashes or backslashes in the first segment all bend the origin.
  if (/[\\\u0000-\u001f\u007f]/.test(raw)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return null;
  }
  if (decoded.startsWith("//") || /[\\\u0000-\u001f\u007f]/.test(decoded)) return null;
  let url: URL;
  try {
    url = new URL(raw, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  return url.pathname + url.search + url.hash;
}
