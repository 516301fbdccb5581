import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AUDIT_CODE_LABEL, auditCodeLabel, type AuditCode } from "@/lib/audit/codes";
import type { AuditEntry } from "@/lib/audit/log";
import { OPERATIONS } from "@/lib/auth/permissions";
import { AUDIT_EVENT_LABEL } from "@/lib/labels";
import { MATCH_STEPS } from "@/lib/matches/workflow";
import { NEED_STEPS } from "@/lib/needs/workflow";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

/** Every code the application writes literally: `operation: "…"` and `auditOperation: "…"` in lib/ and app/. */
function literalCodes(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sourceFiles("lib"), ...sourceFiles("app")]) {
    const text = readFileSync(path.join(root, file), "utf8");
    for (const m of text.matchAll(/\b(?:operation|auditOperation):\s*"([a-zA-Z]+\.[a-zA-Z.]+)"/g)) found.set(m[1], file);
  }
  return found;
}

describe("audit codes", () => {
  it("labels every code written literally in the application", () => {
    const codes = literalCodes();
    expect(codes.size).toBeGreaterThan(50);
    for (const [code, file] of codes) expect(auditCodeLabel(code), `${code} (${file})`).toMatch(/\p{Script=Han}/u);
  });

  it("labels the codes built from workflow steps (need.<step>, match.<step>)", () => {
    for (const step of Object.keys(NEED_STEPS)) expect(auditCodeLabel(`need.${step}`), step).not.toBeNull();
    for (const step of Object.keys(MATCH_STEPS)) expect(auditCodeLabel(`match.${step}`), step).not.toBeNull();
  });

  it("labels calendar.remove, and every code in Chinese", () => {
    expect(auditCodeLabel("calendar.remove")).toBe("删除工作日历");
    for (const [code, label] of Object.entries(AUDIT_CODE_LABEL)) expect(label, code).toMatch(/\p{Script=Han}/u);
  });

  it("keeps events apart from permission operations, so each code has exactly one label", () => {
    const overlap = Object.keys(AUDIT_EVENT_LABEL).filter((code) => code in OPERATIONS);
    expect(overlap).toEqual([]);
    expect(Object.keys(AUDIT_CODE_LABEL)).toHaveLength(Object.keys(AUDIT_EVENT_LABEL).length + Object.keys(OPERATIONS).length);
  });

  it("lists events before operations (the audit search's option order) and answers null for unknown codes", () => {
    const keys = Object.keys(AUDIT_CODE_LABEL);
    expect(keys[0]).toBe(Object.keys(AUDIT_EVENT_LABEL)[0]);
    expect(keys.at(-1)).toBe(Object.keys(OPERATIONS).at(-1));
    expect(auditCodeLabel("test.protect")).toBeNull();
    expect(auditCodeLabel("constructor")).toBeNull();
  });

  it("refuses an unknown code at compile time (checked by tsc)", () => {
    // @ts-expect-error "calendar.delete" is no audit code
    const unknown: AuditCode = "calendar.delete";
    // @ts-expect-error nor is a code built from a step that has none
    const entry: AuditEntry = { operation: `need.${"approve" as "approve" | "archive"}`, outcome: "SUCCESS" };
    const known: AuditEntry = { operation: "calendar.remove", outcome: "SUCCESS" };
    expect([unknown, entry.operation, known.operation]).toHaveLength(3);
  });
});
