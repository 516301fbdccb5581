import { describe, expect, it } from "vitest";
import { isWorkingDay, reminderTime, workingDaysDeadline } from "@/lib/calendar/working-days";

// Moments are written in CST (+08:00); deadlines end at 23:59:59.999 CST.
const cst = (s: string) => new Date(`${s}+08:00`);

describe("working-day deadlines", () => {
  it("counts five working days from a Monday to the next Monday", () => {
    expect(workingDaysDeadline(cst("2026-11-23T10:00:00"), 5)).toEqual(cst("2026-11-30T23:59:59.999"));
  });
  it("skips the weekend from a Friday", () => {
    expect(workingDaysDeadline(cst("2026-11-27T16:00:00"), 5)).toEqual(cst("2026-12-04T23:59:59.999"));
    expect(workingDaysDeadline(cst("2026-11-27T16:00:00"), 1)).toEqual(cst("2026-11-30T23:59:59.999"));
  });
  it("treats a Saturday invitation like one sent on Friday evening", () => {
    expect(workingDaysDeadline(cst("2026-11-28T09:00:00"), 1)).toEqual(cst("2026-11-30T23:59:59.999"));
  });
  it("uses the China day, not the UTC day", () => {
    // 2026-11-27 01:00 CST is still Thursday 26th in UTC; the deadline counts from Friday.
    expect(workingDaysDeadline(cst("2026-11-27T01:00:00"), 1)).toEqual(cst("2026-11-30T23:59:59.999"));
  });
  it("never gives less than one working day", () => {
    expect(workingDaysDeadline(cst("2026-11-23T10:00:00"), 0)).toEqual(cst("2026-11-24T23:59:59.999"));
  });
  it("knows weekends in CST", () => {
    expect(isWorkingDay(cst("2026-11-28T00:30:00"))).toBe(false);
    expect(isWorkingDay(cst("2026-11-27T23:30:00"))).toBe(true);
  });
  it("skips public holidays and counts make-up working days from the ministry's calendar", () => {
    // National Day 2026 as an example: 1–7 October off (Thursday to Wednesday), Saturday 10 October worked.
    const calendar = new Map<string, "HOLIDAY" | "WORKDAY">([
      ...["01", "02", "05", "06", "07"].map((d) => [`2026-10-${d}`, "HOLIDAY"] as const),
      ["2026-10-10", "WORKDAY"] as const,
    ]);
    // Sent Wednesday 30 September: working days 8, 9, 10 (Saturday, worked), 12, 13.
    expect(workingDaysDeadline(cst("2026-09-30T10:00:00"), 5, calendar)).toEqual(cst("2026-10-13T23:59:59.999"));
    // Without the calendar, weekdays only: 1, 2, 5, 6, 7 October.
    expect(workingDaysDeadline(cst("2026-09-30T10:00:00"), 5)).toEqual(cst("2026-10-07T23:59:59.999"));
    expect(isWorkingDay(cst("2026-10-05T10:00:00"), calendar)).toBe(false);
    expect(isWorkingDay(cst("2026-10-10T10:00:00"), calendar)).toBe(true);
    expect(isWorkingDay(cst("2026-10-11T10:00:00"), calendar)).toBe(false);
  });
  it("reminds at the start of the deadline's day", () => {
    expect(reminderTime(cst("2026-11-30T23:59:59.999"))).toEqual(cst("2026-11-30T00:00:00"));
  });
});
