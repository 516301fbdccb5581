import { describe, expect, it } from "vitest";
import type { RoleGrant, SessionUser } from "@/lib/auth/roles";
import { figuresOf, readFigures } from "@/lib/cases/figures";
import { judgeActivity, judgeChallenge, judgeEngagement, type EngagementFacts } from "@/lib/cases/shortlist";
import { CASE_WORKFLOW, type CaseStep } from "@/lib/cases/workflow";
import { ANNOUNCEMENT_WORKFLOW } from "@/lib/announcements/workflow";
import type { CaseState } from "@/lib/generated/prisma/enums";
import { CASE_STATE_LABEL } from "@/lib/labels";

const STATES = Object.keys(CASE_STATE_LABEL) as CaseState[];
const LEGAL: Record<Exclude<CaseStep, "create">, [CaseState[], CaseState]> = {
  submit: [["DRAFT", "RETURNED"], "SUBMITTED"],
  publish: [["SUBMITTED"], "PUBLISHED"],
  return: [["SUBMITTED"], "RETURNED"],
  reject: [["SUBMITTED"], "REJECTED"],
  withdraw: [["PUBLISHED"], "WITHDRAWN"],
  reopen: [["WITHDRAWN"], "DRAFT"],
};

describe("case workflow table", () => {
  it("creates drafts", () => expect(CASE_WORKFLOW.next("create", null)).toBe("DRAFT"));
  for (const [step, [froms, to]] of Object.entries(LEGAL) as [Exclude<CaseStep, "create">, [CaseState[], CaseState]][]) {
    for (const from of STATES) {
      it(`${step} from ${from}: ${froms.includes(from) ? `→ ${to}` : "refused"}`, () => {
        if (froms.includes(from)) expect(CASE_WORKFLOW.next(step, from)).toBe(to);
        else expect(() => CASE_WORKFLOW.next(step, from)).toThrow(/案例|撤回/);
      });
    }
  }
  it("reasons are required to return, reject and withdraw", () => {
    expect(Object.entries(CASE_WORKFLOW.steps).filter(([, s]) => s.reasonRequired).map(([k]) => k).sort()).toEqual(["reject", "return", "withdraw"]);
  });
  it("edits only drafts and returned cases", () => {
    expect(STATES.filter((s) => CASE_WORKFLOW.canAct("edit", s))).toEqual(["DRAFT", "RETURNED"]);
  });
  const user = (...roles: RoleGrant[]): SessionUser => ({ id: "u", username: "u", displayName: "u", roles });
  const province = user({ role: "PROVINCE_ADMIN", provinceCode: "51", organizationId: null });
  const ministry = user({ role: "MINISTRY_ADMIN", provinceCode: null, organizationId: null });
  it("buttons: a province writes and sends its own cases, the ministry also reviews and withdraws", () => {
    expect(CASE_WORKFLOW.allowed(province, "DRAFT", { provinceCode: "51" })).toMatchObject({ submit: true, edit: true, publish: false });
    expect(CASE_WORKFLOW.allowed(province, "DRAFT", { provinceCode: "33" })).toMatchObject({ submit: false, edit: false });
    expect(CASE_WORKFLOW.allowed(province, "SUBMITTED", { provinceCode: "51" })).toMatchObject({ publish: false, return: false });
    expect(CASE_WORKFLOW.allowed(ministry, "SUBMITTED", { provinceCode: "51" })).toMatchObject({ publish: true, return: true, reject: true });
    expect(CASE_WORKFLOW.allowed(ministry, "PUBLISHED", { provinceCode: null })).toMatchObject({ withdraw: true, publish: false });
    expect(CASE_WORKFLOW.allowed(province, "PUBLISHED", { provinceCode: "51" })).toMatchObject({ withdraw: false });
  });
  it("announcements: draft → published → withdrawn → published", () => {
    expect(ANNOUNCEMENT_WORKFLOW.next("publish", "DRAFT")).toBe("PUBLISHED");
    expect(ANNOUNCEMENT_WORKFLOW.next("withdraw", "PUBLISHED")).toBe("WITHDRAWN");
    expect(ANNOUNCEMENT_WORKFLOW.next("publish", "WITHDRAWN")).toBe("PUBLISHED");
    expect(() => ANNOUNCEMENT_WORKFLOW.next("withdraw", "DRAFT")).toThrow();
  });
});

const d = (s: string) => new Date(`${s}T00:00:00Z`);
const rec = (start: string, end: string, hours: number, served = 0, trained = 0, engagementId = "e1", expertId = "x1") =>
  ({ startDate: d(start), endDate: d(end), hours, peopleServed: served, peopleTrained: trained, engagementId, expertId });

describe("figures from confirmed records", () => {
  it("sums hours and people, counts distinct days, experts and engagements", () => {
    const f = figuresOf([rec("2026-05-01", "2026-05-02", 12, 40, 10), rec("2026-05-02", "2026-05-02", 4.5, 20, 0, "e2", "x2")]);
    expect(f).toEqual({ hours: 16.5, days: 2, records: 2, peopleServed: 60, peopleTrained: 10, experts: 2, engagements: 2 });
  });
  it("reads stored JSON defensively", () => expect(readFigures({ hours: 3, days: "x" })).toMatchObject({ hours: 3, days: 0, records: 0 }));
});

const strongEngagement: EngagementFacts = {
  state: "CLOSED", figures: figuresOf([rec("2026-05-01", "2026-05-01", 8, 50), rec("2026-06-01", "2026-06-02", 12, 30, 12)]),
  disputedRecords: 0, unitRating: 5, expertRating: 5, priorities: ["促进农民增收"],
};

describe("shortlisting rules on known fixtures", () => {
  it("a closed engagement with 20 confirmed hours and a 5-point rating is shortlisted, with its reasons", () => {
    const v = judgeEngagement(strongEngagement);
    expect(v.eligible).toBe(true);
    expect(v.reasons).toEqual(["已确认服务 20 小时（2 条记录）", "服务单位评价 5 分", "服务群众 80 人次、培训 12 人次", "促进农民增收"]);
  });
  it.each([
    ["not closed", { state: "AWAITING_FEEDBACK" as const }, "服务尚未结束"],
    ["too few hours", { figures: figuresOf([rec("2026-05-01", "2026-05-01", 8), rec("2026-05-03", "2026-05-03", 4)]) }, "已确认的服务记录不足"],
    ["one record", { figures: figuresOf([rec("2026-05-01", "2026-05-03", 30)]) }, "已确认的服务记录不足"],
    ["a dispute", { disputedRecords: 1 }, "存在异议"],
    ["unrated", { unitRating: null }, "尚未评价"],
    ["rated 3", { unitRating: 3 }, "低于 4 分"],
    ["the expert unhappy", { expertRating: 2 }, "专家评价"],
  ])("an engagement %s is not", (_name, patch, why) => {
    const v = judgeEngagement({ ...strongEngagement, ...patch });
    expect(v.eligible).toBe(false);
    expect(v.missing.join("；")).toContain(why);
  });
  it("a stronger engagement scores higher", () => {
    expect(judgeEngagement({ ...strongEngagement, unitRating: 4 }).score).toBeLessThan(judgeEngagement(strongEngagement).score);
  });

  const activity = {
    state: "EVALUATED" as const, figures: figuresOf([rec("2026-05-01", "2026-05-01", 8)]), grades: ["EXCELLENT" as const],
    feedbackRatings: [5, 4], targets: [{ indicator: "培训", target: 100, actual: 120 }, { indicator: "示范", target: 2, actual: 1 }],
  };
  it("an activity evaluated excellent with half its targets met is shortlisted", () => {
    const v = judgeActivity(activity);
    expect(v.eligible).toBe(true);
    expect(v.reasons).toContain("评估结果为优秀");
    expect(v.reasons).toContain("量化目标完成 1/2 项");
  });
  it.each([
    ["still in progress", { state: "IN_PROGRESS" as const }, "尚未完成"],
    ["evaluated unqualified", { grades: ["UNQUALIFIED" as const] }, "不合格"],
    ["without excellence or good feedback", { grades: ["QUALIFIED" as const], feedbackRatings: [3] }, "低于 4 分"],
    ["without any evaluation or feedback", { grades: [], feedbackRatings: [] }, "尚无评估优秀或评价反馈"],
    ["missing most targets", { targets: [{ indicator: "a", target: 10, actual: 1 }, { indicator: "b", target: 10, actual: 2 }, { indicator: "c", target: 1, actual: 1 }] }, "未过半"],
  ])("an activity %s is not", (_name, patch, why) => {
    const v = judgeActivity({ ...activity, ...patch });
    expect(v.eligible).toBe(false);
    expect(v.missing.join("；")).toContain(why);
  });
  it("an activity with good feedback but no excellent grade is shortlisted", () => {
    expect(judgeActivity({ ...activity, grades: ["QUALIFIED"], feedbackRatings: [5, 4] }).eligible).toBe(true);
  });

  const challenge = { state: "COMPLETED", acceptancePassed: true, confirmed: true, indicators: 2, indicatorsMet: 2, milestones: 2, milestonesPassed: 2, teamSize: 3 };
  it("a challenge accepted on every indicator and confirmed by the enterprise is shortlisted, with its reasons", () => {
    const v = judgeChallenge(challenge);
    expect(v.eligible).toBe(true);
    expect(v.reasons).toEqual(["验收通过并经企业确认", "2 项技术指标全部达到", "2 个里程碑均通过中期检查", "攻关团队 3 人"]);
  });
  it.each([
    ["still under acceptance", { state: "ACCEPTANCE", acceptancePassed: null }, "尚未通过验收"],
    ["failed", { state: "FAILED", acceptancePassed: false }, "尚未通过验收"],
    ["not confirmed by the enterprise", { confirmed: false }, "尚待企业确认"],
    ["missing an indicator", { indicatorsMet: 1 }, "技术指标达到 1/2 项"],
  ])("a challenge %s is not", (_name, patch, why) => {
    const v = judgeChallenge({ ...challenge, ...patch });
    expect(v.eligible).toBe(false);
    expect(v.missing.join("；")).toContain(why);
  });
});
