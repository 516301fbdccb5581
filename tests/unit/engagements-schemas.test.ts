import { describe, expect, it } from "vitest";
import { chinaDate } from "@/lib/calendar/china-time";
import {
  cancelSchema, daysSpanned, engagementSearchSchema, feedbackSchema, logRecordSchema, planSchema, recordDateErrors,
  reviewRecordSchema, teamDecisionSchema,
} from "@/lib/engagements/schemas";

const record = (o: Record<string, unknown> = {}) => ({
  engagementId: "e1", startDate: "2026-03-01", endDate: "2026-03-02", hours: "12", form: "TECH_GUIDANCE",
  content: "现场指导果园冬季清园和病害防治。", peopleServed: "30", peopleTrained: "10", ...o,
});
const errorsOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("service records", () => {
  it("accepts a sound record and coerces the numbers", () => {
    const r = logRecordSchema.parse(record({ peopleServed: "", peopleTrained: "" }));
    expect(r).toMatchObject({ hours: 12, peopleServed: 0, peopleTrained: 0 });
  });

  it("bounds hours by the days spanned, one decimal, more than zero", () => {
    expect(logRecordSchema.safeParse(record({ hours: "48" })).success).toBe(true);
    expect(errorsOf(logRecordSchema.safeParse(record({ hours: "48.5" })))).toEqual({ hours: "2 天内的服务时长不能超过 48 小时" });
    expect(errorsOf(logRecordSchema.safeParse(record({ hours: "-1" })))).toEqual({ hours: "服务时长必须大于 0" });
    expect(errorsOf(logRecordSchema.safeParse(record({ hours: "1.25" })))).toEqual({ hours: "服务时长最多保留 1 位小数" });
    expect(errorsOf(logRecordSchema.safeParse(record({ hours: "abc" })))).toEqual({ hours: "请填写服务时长（小时）" });
  });

  it("orders the dates and limits a record's span", () => {
    expect(errorsOf(logRecordSchema.safeParse(record({ endDate: "2026-02-28" })))).toEqual({ endDate: "结束日期不能早于开始日期" });
    expect(errorsOf(logRecordSchema.safeParse(record({ endDate: "2026-12-31" })))).toEqual({ endDate: "一条记录最长 92 天，更长的服务请分条填写" });
    expect(daysSpanned("2026-02-27", "2026-03-01")).toBe(3);
  });

  it("trains no more people than it serves; people are whole and not negative", () => {
    expect(errorsOf(logRecordSchema.safeParse(record({ peopleTrained: "31" })))).toEqual({ peopleTrained: "培训人数不能多于服务人数" });
    expect(errorsOf(logRecordSchema.safeParse(record({ peopleServed: "2.5" })))).toMatchObject({ peopleServed: "服务人数必须是整数" });
    expect(errorsOf(logRecordSchema.safeParse(record({ peopleServed: "-3", peopleTrained: "0" })))).toMatchObject({ peopleServed: "服务人数不能为负数" });
  });

  it("refuses future dates and dates before the team was confirmed", () => {
    const bounds = { today: "2026-03-10", earliest: "2026-03-01" };
    expect(recordDateErrors({ startDate: "2026-03-01", endDate: "2026-03-10" }, bounds)).toEqual({});
    expect(recordDateErrors({ startDate: "2026-03-09", endDate: "2026-03-11" }, bounds)).toEqual({ endDate: ["不能填写今天以后的服务，请在服务结束后再填写"] });
    expect(recordDateErrors({ startDate: "2026-02-28", endDate: "2026-03-02" }, bounds)).toEqual({ startDate: ["服务日期不能早于专家团队确认之日（2026-03-01）"] });
  });

  it("tells China's date of an instant", () => {
    expect(chinaDate(new Date("2026-03-01T16:30:00Z"))).toBe("2026-03-02");
    expect(chinaDate(new Date("2026-03-01T15:59:00Z"))).toBe("2026-03-01");
  });

  it("needs a reason to dispute but not to confirm", () => {
    expect(reviewRecordSchema.safeParse({ recordId: "r", version: "0", decision: "confirm", reason: "" }).success).toBe(true);
    expect(errorsOf(reviewRecordSchema.safeParse({ recordId: "r", version: "0", decision: "dispute", reason: " " }))).toEqual({ reason: "提出异议时请写明哪里与实际不符" });
  });
});

describe("team, plan, feedback and cancel", () => {
  it("needs a reason to decline an expert", () => {
    expect(teamDecisionSchema.safeParse({ matchId: "m", decision: "confirm" }).success).toBe(true);
    expect(errorsOf(teamDecisionSchema.safeParse({ matchId: "m", decision: "release", reason: "" }))).toEqual({ reason: "不予确认时请写明原因（将告知专家和省级管理员）" });
  });

  it("requires every part of the plan and known forms; one form arrives as a string", () => {
    const plan = { engagementId: "e", version: "0", type: "PROJECT", planGoals: "目标明确可行", planSchedule: "三个阶段推进", planPlace: "示范园", planDeliverables: "报告", planForms: "TECH_GUIDANCE" };
    expect(planSchema.parse(plan).planForms).toEqual(["TECH_GUIDANCE"]);
    expect(Object.keys(errorsOf(planSchema.safeParse({ ...plan, planForms: [], planGoals: "", version: "" }))).sort()).toEqual(["planForms", "planGoals", "version"]);
  });

  it("rates 1–5 and needs a comment for a low rating", () => {
    expect(feedbackSchema.safeParse({ engagementId: "e", rating: "3", comment: "" }).success).toBe(true);
    expect(errorsOf(feedbackSchema.safeParse({ engagementId: "e", rating: "1", comment: "差" }))).toEqual({ comment: "评分为 2 分及以下时，请写明原因（至少 5 个字）" });
    expect(errorsOf(feedbackSchema.safeParse({ engagementId: "e", rating: "6", comment: "" }))).toEqual({ rating: "评分为 1–5 分" });
    expect(feedbackSchema.safeParse({ engagementId: "e", rating: "4.5", comment: "" }).success).toBe(false);
  });

  it("needs a reason to cancel", () => {
    expect(errorsOf(cancelSchema.safeParse({ engagementId: "e", reason: "" }))).toEqual({ reason: "取消时请写明原因（将告知服务单位和专家）" });
  });

  it("drops unknown list filters instead of failing", () => {
    expect(engagementSearchSchema.parse({ state: "NOPE", type: "ACTIVE", province: "5", page: "-2", q: " 林 " }))
      .toEqual({ q: "林", state: undefined, type: undefined, province: undefined, page: 1 });
  });
});
