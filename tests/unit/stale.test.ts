import { describe, expect, it } from "vitest";
import { freshWhere, isStale, STALE_AFTER_MONTHS, staleCutoff } from "@/lib/experts/stale";

const now = new Date("2026-11-26T08:00:00Z");

describe("stale rule: 12 months without confirmation", () => {
  it("puts the cutoff exactly 12 months back", () => {
    expect(STALE_AFTER_MONTHS).toBe(12);
    expect(staleCutoff(now).toISOString()).toBe("2025-11-26T08:00:00.000Z");
  });

  it("treats never-confirmed and confirmed-before-the-cutoff as stale, anything since as fresh", () => {
    expect(isStale({ lastConfirmedAt: null }, now)).toBe(true);
    expect(isStale({ lastConfirmedAt: new Date("2025-11-26T07:59:59Z") }, now)).toBe(true);
    expect(isStale({ lastConfirmedAt: new Date("2025-11-26T08:00:00Z") }, now)).toBe(false);
    expect(isStale({ lastConfirmedAt: new Date("2026-09-12T12:00:00Z") }, now)).toBe(false);
  });

  it("gives the same boundary as a where-clause", () => {
    expect(freshWhere(now)).toEqual({ lastConfirmedAt: { gte: new Date("2025-11-26T08:00:00Z") } });
  });
});
