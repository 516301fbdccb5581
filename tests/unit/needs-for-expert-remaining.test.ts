import { describe, expect, it } from "vitest";
import { remainingTime, workingDaysLeft } from "@/components/matches/remaining";
import { workingDaysDeadline } from "@/lib/calendar/working-days";

// Times in China Standard Time (+08:00). 2026-03-02 is a Monday.
const at = (s: string) => new Date(`${s}+08:00`);

describe("time left to answer an invitation", () => {
  it("counts working days from today through the deadline's day", () => {
    const deadline = workingDaysDeadline(at("2026-02-27T10:00:00"), 5); // sent Friday → end of next Friday
    expect(deadline.toISOString()).toBe(at("2026-03-06T23:59:59.999").toISOString());
    expect(workingDaysLeft(deadline, at("2026-02-27T10:00:00"))).toBe(6); // Friday itself counts while it lasts
    expect(workingDaysLeft(deadline, at("2026-02-28T10:00:00"))).toBe(5); // Saturday: Mon–Fri ahead
    expect(workingDaysLeft(deadline, at("2026-03-02T09:00:00"))).toBe(5);
    expect(workingDaysLeft(deadline, at("2026-03-06T09:00:00"))).toBe(1);
    expect(workingDaysLeft(deadline, at("2026-03-07T09:00:00"))).toBe(0);
  });

  it("says how many days are left, and whether the deadline is near or past", () => {
    const deadline = at("2026-03-06T23:59:59.999");
    expect(remainingTime(deadline, at("2026-03-02T09:00:00"))).toMatchObject({ overdue: false, urgent: false, days: 5, workingDays: 5, label: "剩余 5 天（5 个工作日）" });
    expect(remainingTime(deadline, at("2026-03-05T09:00:00"))).toMatchObject({ urgent: false, days: 2, workingDays: 2 });
    expect(remainingTime(deadline, at("2026-03-06T19:30:00"))).toMatchObject({ overdue: false, urgent: true, label: "剩余 5 小时" });
    expect(remainingTime(deadline, at("2026-03-06T23:59:30"))).toMatchObject({ label: "剩余 1 小时" });
    expect(remainingTime(deadline, at("2026-03-07T00:00:00"))).toMatchObject({ overdue: true, urgent: true, label: "已超期" });
  });

  it("is urgent on the last working day even with the weekend between", () => {
    const deadline = at("2026-03-09T23:59:59.999"); // Monday
    expect(remainingTime(deadline, at("2026-03-07T10:00:00"))).toMatchObject({ days: 3, workingDays: 1, urgent: true });
  });
});
