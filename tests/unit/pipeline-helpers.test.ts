import { resolveClientIp } from "@/lib/security/client-ip";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsOf, formDataToObject } from "@/lib/actions/pipeline";
import { metaFromHeaders } from "@/lib/audit/log";

describe("formDataToObject", () => {
  it("keeps single values and turns repeated keys into arrays, dropping Next's action keys", () => {
    const fd = new FormData();
    fd.append("title", "果树病害");
    fd.append("forms", "TECH_GUIDANCE");
    fd.append("forms", "THEMED_LECTURE");
    fd.append("$ACTION_ID_abc", "");
    expect(formDataToObject(fd)).toEqual({ title: "果树病害", forms: ["TECH_GUIDANCE", "THEMED_LECTURE"] });
  });
  it("passes plain objects through", () => expect(formDataToObject({ a: 1 })).toEqual({ a: 1 }));
  it("drops NUL characters, which PostgreSQL refuses in text (a scanner's %00 must not become a 500)", () => {
    const fd = new FormData();
    fd.append("title", "果树\u0000病害");
    fd.append("forms", "A\u0000");
    fd.append("forms", "B");
    expect(formDataToObject(fd)).toEqual({ title: "果树病害", forms: ["A", "B"] });
  });
});

describe("fieldErrorsOf", () => {
  it("groups messages by field path", () => {
    const r = z.object({ a: z.string().min(2, "太短"), b: z.object({ c: z.number({ error: "须为数字" }) }) }).safeParse({ a: "x", b: { c: "y" } });
    expect(fieldErrorsOf(r.error!)).toEqual({ a: ["太短"], "b.c": ["须为数字"] });
  });
});

describe("metaFromHeaders", () => {
  it("never believes a client's X-Forwarded-For or X-Real-IP", () => {
    process.env.PLATFORM_CLIENT_IP_HEADER = "1";
    const h = new Headers({ "x-forwarded-for": "10.1.2.3, 172.16.0.1", "x-real-ip": "10.0.0.9", "user-agent": "UA" });
    expect(metaFromHeaders(h)).toEqual({ ip: null, userAgent: "UA" });
    expect(metaFromHeaders(null)).toEqual({ ip: null, userAgent: null });
  });
  it("takes the address the platform's server put in its own header, only under that server", () => {
    const h = new Headers({ "x-platform-client-ip": "::ffff:10.1.2.3", "x-forwarded-for": "6.6.6.6" });
    process.env.PLATFORM_CLIENT_IP_HEADER = "1";
    expect(metaFromHeaders(h).ip).toBe("10.1.2.3");
    delete process.env.PLATFORM_CLIENT_IP_HEADER;
    expect(metaFromHeaders(h).ip).toBeNull();
  });
});

describe("resolveClientIp (TRUSTED_PROXY_HOPS)", () => {
  it("ignores X-Forwarded-For without trusted proxies: the socket is the client", () => {
    expect(resolveClientIp("6.6.6.6", "203.0.113.9", 0)).toBe("203.0.113.9");
    expect(resolveClientIp(undefined, "::ffff:203.0.113.9", 0)).toBe("203.0.113.9");
  });
  it("takes the entry the trusted proxies vouch for, not a forged one on the left", () => {
    // client forged 6.6.6.6; the real client 198.51.100.7 reached our proxy (10.0.0.2), which talks to us.
    expect(resolveClientIp("6.6.6.6, 198.51.100.7", "10.0.0.2", 1)).toBe("198.51.100.7");
    expect(resolveClientIp("6.6.6.6, 198.51.100.7, 10.0.0.1", "10.0.0.2", 2)).toBe("198.51.100.7");
    expect(resolveClientIp(["6.6.6.6", "198.51.100.7"], "10.0.0.2", 1)).toBe("198.51.100.7");
  });
  it("stops at the chain's start, and refuses what is not an address", () => {
    expect(resolveClientIp("198.51.100.7", "10.0.0.2", 5)).toBe("198.51.100.7");
    expect(resolveClientIp("<script>", "10.0.0.2", 1)).toBeNull();
  });
});
