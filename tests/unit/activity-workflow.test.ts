import { describe, expect, it } from "vitest";
import { ACTIVITY_WORKFLOW, PLAN_WORKFLOW } from "@/lib/activities/workflow";
import { aggregateScores, checkScores, DEFAULT_RUBRIC, rubricOf, rubricRefusal, rubricTotal } from "@/lib/activities/rubric";
import { canReadActivity, channelScope } from "@/lib/activities/scope";
import type { ActivityState } from "@/lib/generated/prisma/enums";

const ALL: ActivityState[] = ["DRAFT", "SUBMITTED", "RETURNED", "RECOMMENDED", "NOT_RECOMMENDED", "SELECTED", "NOT_SELECTED",
  "IN_PROGRESS", "COMPLETED", "EVALUATED"];

describe("activity workflow table", () => {
  it("leads each state only where the notice's cycle goes", () => {
    expect(ACTIVITY_WORKFLOW.transitions).toEqual({
      DRAFT: ["SUBMITTED"],
      SUBMITTED: ["RETURNED", "RECOMMENDED", "NOT_RECOMMENDED", "SELECTED"],
      RETURNED: ["SUBMITTED"],
      RECOMMENDED: ["SUBMITTED", "SELECTED", "NOT_SELECTED"],
      NOT_RECOMMENDED: [],
      SELECTED: ["IN_PROGRESS"],
      NOT_SELECTED: [],
      IN_PROGRESS: ["COMPLETED"],
      COMPLETED: ["EVALUATED"],
      EVALUATED: [],
    });
  });

  it("refuses selecting an application its channel never recommended, in Chinese", () => {
    for (const from of ALL.filter((s) => s !== "RECOMMENDED")) {
      expect(() => ACTIVITY_WORKFLOW.next("select", from)).toThrow("只有已推荐的申报才能遴选");
    }
    expect(ACTIVITY_WORKFLOW.next("select", "RECOMMENDED")).toBe("SELECTED");
  });

  it("requires a reason for returns, refusals, revocations and every selection decision", () => {
    const withReason = Object.entries(ACTIVITY_WORKFLOW.steps).filter(([, r]) => r.reasonRequired).map(([k]) => k).sort();
    expect(withReason).toEqual(["decline", "reject", "return", "revoke", "select"]);
  });

  it("lets only the applicant's side edit, and only while drafted or returned", () => {
    expect(ALL.filter((s) => ACTIVITY_WORKFLOW.canAct("edit", s))).toEqual(["DRAFT", "RETURNED"]);
    expect(ALL.filter((s) => ACTIVITY_WORKFLOW.canAct("score", s))).toEqual(["RECOMMENDED"]);
  });

  it("offers buttons by permission and scope", () => {
    const province = { id: "p", roles: [{ role: "PROVINCE_ADMIN" as const, provinceCode: "51", organizationId: null }] };
    const peer = { id: "q", roles: [{ role: "PROVINCE_ADMIN" as const, provinceCode: "33", organizationId: null }] };
    const scope = channelScope({ applicantOrgId: "u", provinceCode: "51", channelOrgId: null });
    expect(ACTIVITY_WORKFLOW.allowed(province, "SUBMITTED", scope).recommend).toBe(true);
    expect(ACTIVITY_WORKFLOW.allowed(peer, "SUBMITTED", scope).recommend).toBe(false);
    // An application made through a department is the department's to recommend, not the province's.
    const viaDept = channelScope({ applicantOrgId: "u", provinceCode: "51", channelOrgId: "dept" });
    expect(ACTIVITY_WORKFLOW.allowed(province, "SUBMITTED", viaDept).recommend).toBe(false);
    const dept = { id: "d", roles: [{ role: "DEPARTMENT_ADMIN" as const, provinceCode: null, organizationId: "dept" }] };
    expect(ACTIVITY_WORKFLOW.allowed(dept, "SUBMITTED", viaDept).recommend).toBe(true);
  });
});

describe("plan workflow table", () => {
  it("opens, closes, publishes and archives in order", () => {
    expect(PLAN_WORKFLOW.transitions).toEqual({ DRAFT: ["OPEN"], OPEN: ["CLOSED"], CLOSED: ["OPEN", "PUBLISHED"], PUBLISHED: ["ARCHIVED"], ARCHIVED: [] });
    expect(() => PLAN_WORKFLOW.next("publish", "OPEN")).toThrow("年度计划当前为“接受申报”，不能公布遴选结果");
  });
});

describe("rubric", () => {
  it("accepts the default and refuses weights not summing to 100 or repeated criteria", () => {
    expect(rubricRefusal(DEFAULT_RUBRIC)).toBeNull();
    expect(rubricRefusal([{ key: "a", label: "甲", weight: 60 }, { key: "b", label: "乙", weight: 30 }])).toBe("评分项权重之和须为 100（当前为 90）");
    expect(rubricRefusal([{ key: "a", label: "甲", weight: 50 }, { key: "a", label: "乙", weight: 50 }])).toBe("评分项不能重复");
    expect(rubricOf("nonsense")).toBe(DEFAULT_RUBRIC);
  });

  it("checks every criterion's points against its weight", () => {
    const full = Object.fromEntries(DEFAULT_RUBRIC.map((c) => [c.key, c.weight]));
    expect(checkScores(DEFAULT_RUBRIC, full)).toBeNull();
    expect(rubricTotal(DEFAULT_RUBRIC, full)).toBe(100);
    expect(checkScores(DEFAULT_RUBRIC, { ...full, eastWest: 11 })).toBe("“东西部协作”的得分须在 0 到 10 之间");
    expect(checkScores(DEFAULT_RUBRIC, { ...full, themeFit: 10.5 })).toBe("请为“主题契合”打分（整数）");
    expect(checkScores(DEFAULT_RUBRIC, { ...full, bribe: 5 })).toBe("评分项“bribe”不在本年度评审细则中");
  });

  it("flags strong disagreement by the plan's spread", () => {
    expect(aggregateScores([90, 70], 15)).toEqual({ mean: 80, spread: 20, disagreement: true, count: 2 });
    expect(aggregateScores([90, 80], 15)).toMatchObject({ disagreement: false });
    expect(aggregateScores([], 15)).toMatchObject({ mean: null, count: 0 });
  });
});

describe("who reads an activity", () => {
  const a = { applicantOrgId: "unit-1", provinceCode: "51", channelOrgId: null, teamUserIds: ["e1"], reviewerIds: ["r1"] };
  it("is the province, the applicant, the team and the reviewers — not a peer province or another expert", () => {
    const as = (role: "PROVINCE_ADMIN" | "UNIT_USER" | "EXPERT", id: string, provinceCode: string | null, organizationId: string | null) =>
      canReadActivity({ id, roles: [{ role, provinceCode, organizationId }] }, a);
    expect(as("PROVINCE_ADMIN", "p", "51", null)).toBe(true);
    expect(as("PROVINCE_ADMIN", "p", "33", null)).toBe(false);
    expect(as("UNIT_USER", "u", null, "unit-1")).toBe(true);
    expect(as("UNIT_USER", "u", null, "unit-2")).toBe(false);
    expect(as("EXPERT", "e1", null, null)).toBe(true);
    expect(as("EXPERT", "r1", null, null)).toBe(true);
    expect(as("EXPERT", "e2", null, null)).toBe(false);
  });
});
