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
});

describe("fieldErrorsOf", () => {
  it("groups messages by field path", () => {
    const r = z.object({ a: z.string().min(2, "太短"), b: z.object({ c: z.number({ error: "须为数字" }) }) }).safeParse({ a: "x", b: { c: "y" } });
    expect(fieldErrorsOf(r.error!)).toEqual({ a: ["太短"], "b.c": ["须为数字"] });
  });
});

describe("metaFromHeaders", () => {
  it("takes the first X-Forwarded-For hop", () => {
    const h = new Headers({ "x-forwarded-for": "10.1.2.3, 172.16.0.1", "user-agent": "UA" });
    expect(metaFromHeaders(h)).toEqual({ ip: "10.1.2.3", userAgent: "UA" });
  });
  it("falls back to X-Real-IP, then nothing", () => {
    expect(metaFromHeaders(new Headers({ "x-real-ip": "10.0.0.9" })).ip).toBe("10.0.0.9");
    expect(metaFromHeaders(null)).toEqual({ ip: null, userAgent: null });
  });
});
