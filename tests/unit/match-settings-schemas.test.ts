import { describe, expect, it } from "vitest";
import { previewSchema, settingsSchema } from "@/lib/match-settings/schemas";
import { DEFAULT_WEIGHTS, SCORE_PARTS } from "@/lib/matching/weights";

const zeros = Object.fromEntries(SCORE_PARTS.map((p) => [p, "0"]));

describe("matching settings form", () => {
  it("refuses all weights at zero, whatever the other fields", () => {
    const r = settingsSchema.safeParse({ ...zeros, inviteWorkingDays: "5", version: "3" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toContain("至少一项权重大于 0");
    expect(previewSchema.safeParse({ ...zeros, needId: "need-1" }).success).toBe(false);
  });
  it("accepts one weight above zero, and the defaults", () => {
    expect(settingsSchema.safeParse({ ...zeros, discipline: "3", inviteWorkingDays: "5", version: "0" }).success).toBe(true);
    expect(settingsSchema.safeParse({ ...DEFAULT_WEIGHTS, inviteWorkingDays: 5, version: 0 }).success).toBe(true);
  });
  it("keeps the response deadline within 1–20 working days", () => {
    for (const days of ["0", "21", "2.5"]) {
      expect(settingsSchema.safeParse({ ...DEFAULT_WEIGHTS, inviteWorkingDays: days, version: "0" }).success).toBe(false);
    }
  });
});
