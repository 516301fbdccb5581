import { afterEach, describe, expect, it, vi } from "vitest";
import { contentSecurityPolicy, securityHeaders, servedOverHttps } from "@/lib/security/headers";
import { authSecret, secureCookies, sessionCookieName } from "@/lib/auth/secret";
import { drawCaptcha, randomAnswer } from "@/lib/security/captcha";

afterEach(() => vi.unstubAllEnvs());

describe("security headers", () => {
  it("allows scripts only with the response's nonce in production (no unsafe-inline, no eval)", () => {
    const csp = contentSecurityPolicy("abc123", false);
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it("sends HSTS only over HTTPS, trusting X-Forwarded-Proto only behind configured proxies", () => {
    expect(securityHeaders("n", false)).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders("n", true)["Strict-Transport-Security"]).toMatch(/max-age=\d+/);
    expect(securityHeaders("n", false)["Permissions-Policy"]).toContain("camera=()");
    expect(servedOverHttps("https:", null)).toBe(true);
    expect(servedOverHttps("http:", "https")).toBe(false);
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    expect(servedOverHttps("http:", "https")).toBe(true);
  });
});

describe("session secret and cookies", () => {
  it("never uses the development secret in production", () => {
    vi.stubEnv("NEXTAUTH_SECRET", "");
    vi.stubEnv("AUTH_SECRET", "");
    delete process.env.NEXTAUTH_SECRET;
    delete process.env.AUTH_SECRET;
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("npm_lifecycle_event", "start");
    vi.stubEnv("NEXT_PHASE", "phase-production-server");
    expect(() => authSecret()).toThrow(/NEXTAUTH_SECRET/);
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    expect(authSecret()).not.toContain("dev-only");
    vi.stubEnv("NODE_ENV", "development");
    expect(authSecret()).toContain("dev-only");
  });

  it("marks the session cookie Secure in production whatever NEXTAUTH_URL says", () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_URL", "http://platform.example.cn");
    vi.stubEnv("DEMO_MODE", "");
    expect(secureCookies()).toBe(true);
    expect(sessionCookieName()).toBe("__Secure-next-auth.session-token");
    vi.stubEnv("NODE_ENV", "development");
    expect(secureCookies()).toBe(false);
    vi.stubEnv("NEXTAUTH_URL", "https://platform.example.cn");
    expect(secureCookies()).toBe(true);
  });
});

describe("captcha image", () => {
  it("draws the answer as strokes: the SVG source does not spell it", () => {
    for (let i = 0; i < 20; i++) {
      const answer = randomAnswer();
      const svg = drawCaptcha(answer);
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).not.toContain("<text");
      expect(svg).not.toContain(answer);
      expect(drawCaptcha(answer)).not.toBe(svg);
    }
  });
});
