import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import { removeCalendarRunOp, setCalendarRunOp } from "@/lib/calendar/operations";
import { calendarRuns } from "@/lib/calendar/queries";
import { calendarOverrides } from "@/lib/calendar/service";
import { inviteExpert } from "@/lib/matches/service";
import { createExpert, createNeed, createOrganization } from "@/prisma/seed/factories";
import { ministryAdmin, provinceAdmin, unitUser, userWith } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";

// The calendar is shared by every test file and invitations elsewhere compute deadlines from today, so this file
// writes only in 2099 (and 2098 for the refusals).

const cst = (s: string) => new Date(`${s}+08:00`);
let ministry: SessionUser;

beforeAll(async () => {
  ministry = await ministryAdmin();
});

const set = (input: Record<string, string>, who = ministry) => executeAction(setCalendarRunOp, who, meta, input);
const daysIn = (from: string, to: string) =>
  db.calendarDay.count({ where: { day: { gte: new Date(`${from}T00:00:00Z`), lte: new Date(`${to}T00:00:00Z`) } } });

describe("the ministry's working calendar", () => {
  it("enters a holiday week and a make-up working day, audited, listed as runs", async () => {
    const week = await set({ name: "国庆节", kind: "HOLIDAY", start: "2099-10-01", end: "2099-10-07" });
    expect(week).toMatchObject({ ok: true, data: { days: 7 } });
    expect(await set({ name: "国庆节", kind: "WORKDAY", start: "2099-10-10", end: "" })).toMatchObject({ ok: true, data: { days: 1 } });
    expect(await calendarRuns(2099)).toEqual([
      { start: "2099-10-01", end: "2099-10-07", days: 7, kind: "HOLIDAY", name: "国庆节" },
      { start: "2099-10-10", end: "2099-10-10", days: 1, kind: "WORKDAY", name: "国庆节" },
    ]);
    const [audit] = await auditRows({ actorId: ministry.id, entityId: "2099-10-01", operation: "calendar.manage" });
    expect(audit.summary).toBe("工作日历：国庆节 放假 2099-10-01 至 2099-10-07，共 7 天");
  });

  it("makes invitations sent before the holiday due five working days after it", async () => {
    const overrides = await calendarOverrides(db, cst("2099-09-30T10:00:00"));
    expect(overrides.get("2099-10-05")).toBe("HOLIDAY");
    expect(overrides.get("2099-10-10")).toBe("WORKDAY");

    const unit = await createOrganization(db, { regionCode: "510104" });
    const need = await createNeed(db, { unitId: unit.id, state: "OPEN", expertsWanted: 1, title: "节前邀请", bottleneck: "节前发出的邀请" });
    const expert = await createExpert(db, { regionCode: "510104", maxConcurrent: 2 });
    const r = await db.$transaction((tx) =>
      inviteExpert(tx, { needId: need.id, expertId: expert.id, actorId: ministry.id, source: "SYSTEM", now: cst("2099-09-30T10:00:00") }));
    // Wednesday 30 September → 8, 9, 10 (Saturday, worked), 12, 13 October: due at the end of Tuesday 13 October.
    expect(r.respondBy).toEqual(cst("2099-10-13T23:59:59.999"));
  });

  it("lets a later entry replace the days it covers, and says so in the audit row", async () => {
    const r = await set({ name: "补充安排", kind: "HOLIDAY", start: "2099-10-06", end: "2099-10-08" });
    expect(r).toMatchObject({ ok: true, data: { days: 3 } });
    const [audit] = await auditRows({ actorId: ministry.id, entityId: "2099-10-06", operation: "calendar.manage" });
    expect(audit.summary).toContain("覆盖原有 2 天");
    expect((await calendarRuns(2099)).map((x) => `${x.name} ${x.start}–${x.end}`)).toEqual([
      "国庆节 2099-10-01–2099-10-05", "补充安排 2099-10-06–2099-10-08", "国庆节 2099-10-10–2099-10-10",
    ]);
  });

  it("removes a run as listed, after which its days are ordinary again; a run already gone is reported", async () => {
    const run = { name: "补充安排", kind: "HOLIDAY", start: "2099-10-06", end: "2099-10-08" };
    expect(await executeAction(removeCalendarRunOp, ministry, meta, run)).toMatchObject({ ok: true, data: { days: 3 } });
    expect(await daysIn("2099-10-06", "2099-10-08")).toBe(0);
    expect(await auditRows({ actorId: ministry.id, entityId: "2099-10-06", operation: "calendar.remove" })).toHaveLength(1);
    expect(await executeAction(removeCalendarRunOp, ministry, meta, run)).toEqual({ ok: false, error: "该节假日安排不存在或已被删除" });
  });

  it("keeps one row per day when two ministry users enter overlapping runs at once", async () => {
    const other = await ministryAdmin();
    const results = await Promise.all([
      set({ name: "春节甲", kind: "HOLIDAY", start: "2099-02-01", end: "2099-02-10" }),
      set({ name: "春节乙", kind: "HOLIDAY", start: "2099-02-05", end: "2099-02-14" }, other),
    ]);
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    const rows = await db.calendarDay.findMany({ where: { day: { gte: new Date("2099-02-01T00:00:00Z"), lte: new Date("2099-02-14T00:00:00Z") } } });
    expect(rows).toHaveLength(14);
    // The overlap belongs wholly to whichever save came last.
    const overlap = new Set(rows.filter((r) => r.day >= new Date("2099-02-05T00:00:00Z") && r.day <= new Date("2099-02-10T00:00:00Z")).map((r) => r.name));
    expect(overlap.size).toBe(1);
  });

  it("refuses bad input with a clear message and writes nothing", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ name: "国庆节", kind: "HOLIDAY", start: "2098-10-07", end: "2098-10-01" }, "end", "结束日期不能早于开始日期"],
      [{ name: "春节", kind: "HOLIDAY", start: "2098-01-01", end: "2098-02-15" }, "end", "一次最多录入 31 天"],
      [{ name: "国庆节", kind: "WORKDAY", start: "2098-10-08", end: "" }, "kind", "调休上班日应为周六或周日；工作日本来就上班，无需录入"],
      [{ name: "  ", kind: "HOLIDAY", start: "2098-10-01", end: "" }, "name", "请填写节日名称"],
      [{ name: "国庆节", kind: "HOLIDAY", start: "2098-13-01", end: "" }, "start", "开始日期格式不正确"],
      [{ name: "国庆节", kind: "DAYOFF", start: "2098-10-01", end: "" }, "kind", "请选择放假或调休上班"],
    ];
    for (const [input, field, message] of cases) {
      const r = await set(input);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.fieldErrors?.[field]).toEqual([message]);
    }
    expect(await daysIn("2098-01-01", "2098-12-31")).toBe(0);
  });

  it("is the ministry's alone: provinces, units and experts are refused and nothing changes", async () => {
    const others = [
      await provinceAdmin("51"),
      await unitUser(),
      await userWith("EXPERT"),
    ];
    for (const who of others) {
      expect(await set({ name: "国庆节", kind: "HOLIDAY", start: "2098-10-01", end: "2098-10-07" }, who)).toEqual(REFUSED);
      expect(await executeAction(removeCalendarRunOp, who, meta, { name: "国庆节", kind: "HOLIDAY", start: "2099-10-01", end: "2099-10-05" })).toEqual(REFUSED);
    }
    expect(await daysIn("2098-01-01", "2098-12-31")).toBe(0);
    expect(await daysIn("2099-10-01", "2099-10-05")).toBe(5);
  });
});
