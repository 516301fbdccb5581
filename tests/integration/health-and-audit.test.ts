import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkHealth } from "@/lib/system/health";
import { auditSearchSchema, searchAudit } from "@/lib/audit/queries";
import { writeAudit } from "@/lib/audit/log";

describe("health", () => {
  it("reports a reachable database with every committed migration applied", async () => {
    const health = await checkHealth();
    expect(health.status).toBe("ok");
    expect(health.database).toBe("reachable");
    expect(health.migrations?.pending).toEqual([]);
    expect(health.migrations?.applied).toBe(health.migrations?.expected);
    expect(health.migrations?.expected).toBeGreaterThan(0);
  });
});

describe("audit search", () => {
  it("filters by keyword, outcome and operation, newest first", async () => {
    const tag = `审计测试-${Date.now()}`;
    await writeAudit(db, { operation: "need.review", outcome: "SUCCESS", summary: `${tag} 通过` });
    await writeAudit(db, { operation: "need.review", outcome: "DENIED", summary: `${tag} 越权` });
    await writeAudit(db, { operation: "base.rectify", outcome: "DENIED", summary: `${tag} 越权2` });

    const all = await searchAudit(auditSearchSchema.parse({ q: tag }));
    expect(all.total).toBe(3);
    expect(all.rows[0].summary).toBe(`${tag} 越权2`);
    const denied = await searchAudit(auditSearchSchema.parse({ q: tag, outcome: "DENIED" }));
    expect(denied.total).toBe(2);
    const reviews = await searchAudit(auditSearchSchema.parse({ q: tag, operation: "need." }));
    expect(reviews.total).toBe(2);
  });

  it("ignores malformed filters instead of failing", () => {
    expect(auditSearchSchema.parse({ outcome: "BOGUS", page: "-3", from: "yesterday" })).toEqual({ page: 1 });
  });
});
