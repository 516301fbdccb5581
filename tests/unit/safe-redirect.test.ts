import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

// Known open-redirect bypass forms (OWASP, PortSwigger): each must fall back to the console (null).
const BYPASSES = [
  "//evil.com", "/\\evil.com", "\\/evil.com", "/\\/evil.com", "/%5Cevil.com", "/%5cevil.com", "/%2F%2Fevil.com",
  "/%2f/evil.com", "https://evil.com", "http:evil.com", "javascript:alert(1)", "evil.com", "/\tevil.com", "/\t/evil.com",
  "/\n/evil.com", "/\r\n/evil.com", "/%09/evil.com", "/%0a/evil.com", " /evil", "", "%2F%2Fevil.com", "/%E0%A4%A",
  "\u3002/evil.com", "/" + "a".repeat(3000),
];

describe("safeRedirectPath", () => {
  it.each(BYPASSES)("refuses %j", (raw) => {
    expect(safeRedirectPath(raw)).toBeNull();
  });

  it("keeps same-origin paths with their query and fragment", () => {
    expect(safeRedirectPath("/needs?state=SUBMITTED&page=2")).toBe("/needs?state=SUBMITTED&page=2");
    expect(safeRedirectPath("/activities/abc#team")).toBe("/activities/abc#team");
    expect(safeRedirectPath("/search?q=%E7%A8%BB%E7%98%9F%E7%97%85")).toBe("/search?q=%E7%A8%BB%E7%98%9F%E7%97%85");
  });

  it("refuses nothing given", () => {
    expect(safeRedirectPath(undefined)).toBeNull();
    expect(safeRedirectPath(null)).toBeNull();
  });
});
