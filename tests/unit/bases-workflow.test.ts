import { describe, expect, it } from "vitest";
import { describeWorkflowTable, refusal } from "./workflow-table";
import type { BaseState, RectificationState } from "@/lib/generated/prisma/enums";
import { BASE_STATE_LABEL, RECTIFICATION_STATE_LABEL } from "@/lib/labels";
import { rectificationDeadline, isOverdue } from "@/lib/bases/deadline";
import { applicationSchema, missingFacts } from "@/lib/bases/schemas";
import { BASE_WORKFLOW, RECTIFICATION_WORKFLOW, type BaseStep, type RectificationStep } from "@/lib/bases/workflow";
import type { SessionUser } from "@/lib/auth/roles";

const STATES = Object.keys(BASE_STATE_LABEL) as BaseState[];
const STEPS = Object.keys(BASE_WORKFLOW.steps) as BaseStep[];

// The table, written out once more by hand: a change to workflow.ts must be deliberate here too.
const LEGAL: Record<BaseStep, Partial<Record<BaseState | "null", BaseState | BaseState[]>>> = {
  create: { null: "DRAFT" },
  submit: { DRAFT: "APPLIED", RETURNED: "APPLIED" },
  approve: { APPLIED: ["ESTABLISHED", "PROVINCE_APPROVED"] },
  return: { APPLIED: "RETURNED" },
  reject: { APPLIED: "REJECTED" },
  approveNational: { PROVINCE_APPROVED: "ESTABLISHED" },
  rejectNational: { PROVINCE_APPROVED: "REJECTED" },
  rectify: { ESTABLISHED: "RECTIFYING" },
  pass: { RECTIFYING: "ESTABLISHED" },
  remove: { RECTIFYING: "REMOVED" },
};

describeWorkflowTable("base workflow table", {
  workflow: BASE_WORKFLOW, states: STATES, steps: STEPS, legal: LEGAL,
  refused: (step, from) => (from === null ? `尚无基地，不能${BASE_WORKFLOW.steps[step].label}` : `基地当前为“${BASE_STATE_LABEL[from]}”，不能${BASE_WORKFLOW.steps[step].label}`),
});

describe("base workflow rules", () => {
  it("requires a reason exactly for return, reject, rejectNational, rectify and remove", () => {
    expect(STEPS.filter((s) => BASE_WORKFLOW.steps[s].reasonRequired)).toEqual(["return", "reject", "rejectNational", "rectify", "remove"]);
  });

  it("reports only while established or rectifying; evaluates only established bases; edits only drafts and returned", () => {
    expect(STATES.filter((s) => BASE_WORKFLOW.canAct("report", s))).toEqual(["ESTABLISHED", "RECTIFYING"]);
    expect(STATES.filter((s) => BASE_WORKFLOW.canAct("evaluate", s))).toEqual(["ESTABLISHED"]);
    expect(STATES.filter((s) => BASE_WORKFLOW.canAct("edit", s))).toEqual(["DRAFT", "RETURNED"]);
    expect(refusal(() => BASE_WORKFLOW.assertAct("evaluate", "APPLIED")).message).toBe("只有已设立的基地才能进行年度评估");
  });

  it("offers each side its own buttons: the province reviews, the ministry decides national bases, the host submits", () => {
    const province: SessionUser = { id: "p", username: "p", displayName: "p", roles: [{ role: "PROVINCE_ADMIN", provinceCode: "51", organizationId: null }] };
    const ministry: SessionUser = { id: "m", username: "m", displayName: "m", roles: [{ role: "MINISTRY_ADMIN", provinceCode: null, organizationId: null }] };
    const host: SessionUser = { id: "h", username: "h", displayName: "h", roles: [{ role: "BASE_HOST", provinceCode: null, organizationId: "org" }] };
    const scope = { provinceCode: "51", organizationId: "org" };
    expect(BASE_WORKFLOW.allowed(province, "APPLIED", scope)).toMatchObject({ approve: true, return: true, reject: true, approveNational: false });
    expect(BASE_WORKFLOW.allowed(province, "APPLIED", { ...scope, provinceCode: "33" })).toMatchObject({ approve: false });
    expect(BASE_WORKFLOW.allowed(ministry, "PROVINCE_APPROVED", scope)).toMatchObject({ approveNational: true, rejectNational: true, approve: false });
    expect(BASE_WORKFLOW.allowed(ministry, "APPLIED", scope)).toMatchObject({ approve: false });
    expect(BASE_WORKFLOW.allowed(host, "DRAFT", scope)).toMatchObject({ submit: true, edit: true, approve: false });
    expect(BASE_WORKFLOW.allowed(host, "DRAFT", { ...scope, organizationId: "other" })).toMatchObject({ submit: false });
  });
});

const R_STATES = Object.keys(RECTIFICATION_STATE_LABEL) as RectificationState[];
const R_LEGAL: Record<RectificationStep, Partial<Record<RectificationState | "null", RectificationState>>> = {
  issue: { null: "ISSUED" },
  respond: { ISSUED: "RESPONDED" },
  pass: { RESPONDED: "PASSED" },
  fail: { ISSUED: "FAILED", RESPONDED: "FAILED" },
};

describe("rectification order workflow table", () => {
  for (const step of Object.keys(R_LEGAL) as RectificationStep[]) {
    for (const from of [null, ...R_STATES] as (RectificationState | null)[]) {
      const to = R_LEGAL[step][from ?? "null"];
      it(`${step} from ${from}: ${to ?? "refused"}`, () => {
        if (to) expect(RECTIFICATION_WORKFLOW.next(step, from)).toBe(to);
        else expect(refusal(() => RECTIFICATION_WORKFLOW.next(step, from)).code).toBe("INVALID_TRANSITION");
      });
    }
  }
  it("refuses to pass an order the base has not answered, in its own words", () => {
    expect(refusal(() => RECTIFICATION_WORKFLOW.next("pass", "ISSUED")).message).toBe("基地尚未提交整改报告，不能认定整改通过");
  });
});

describe("rectification deadline (China calendar)", () => {
  it("is twelve months after today in China, the same day of the month", () => {
    // 2026-12-05 23:30 UTC is already 6 December in Beijing.
    expect(rectificationDeadline(new Date("2026-12-05T23:30:00Z")).toISOString().slice(0, 10)).toBe("2027-12-06");
    expect(rectificationDeadline(new Date("2026-12-05T10:00:00Z")).toISOString().slice(0, 10)).toBe("2027-12-05");
  });
  it("clamps to the month's last day (29 February → 28 February) and takes other lengths", () => {
    expect(rectificationDeadline(new Date("2028-02-29T04:00:00Z")).toISOString().slice(0, 10)).toBe("2029-02-28");
    expect(rectificationDeadline(new Date("2026-08-31T04:00:00Z"), 6).toISOString().slice(0, 10)).toBe("2027-02-28");
  });
  it("is overdue only once its day has passed in China", () => {
    const deadline = new Date("2027-01-10T00:00:00Z");
    expect(isOverdue(deadline, new Date("2027-01-10T15:59:00Z"))).toBe(false); // 23:59 on the 10th in Beijing
    expect(isOverdue(deadline, new Date("2027-01-10T16:00:00Z"))).toBe(true); // 00:00 on the 11th
  });
});

describe("application form", () => {
  const complete = {
    name: "某某县茶产业专家服务基地", level: "PROVINCIAL", field: "AGRICULTURE", focus: "茶园绿色防控与加工技术服务",
    innovation: "拥有省级茶叶工程技术研究中心一个，近三年获省科技进步奖两项。", research: "建有标准化试验茶园 500 亩，检测实验室一处。",
    seniorExperts: "12", platforms: "2", patents: "8", developmentPlan: "三年内组织专家服务活动不少于 30 场次，培养本土技术骨干 100 名以上。",
    rules: "专家服务基地管理办法、专家工作站运行制度、经费管理细则", activityTitle: ["春茶生产技术培训"], activityMonth: ["3"], activityForm: ["人才培养"],
    intent: "submit",
  };
  it("accepts a complete application and keeps its planned activities", () => {
    const r = applicationSchema.safeParse(complete);
    expect(r.success).toBe(true);
    expect(r.data?.plannedActivities).toEqual([{ title: "春茶生产技术培训", month: 3, form: "人才培养" }]);
  });
  it("refuses to submit without the facts of the four criteria, in Chinese, field by field", () => {
    const r = applicationSchema.safeParse({ ...complete, innovation: "", rules: "", activityTitle: [] });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries(r.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(fields).toMatchObject({ innovation: "请说明创新实力（至少 10 个字）", rules: "请列出内部管理制度（至少 10 个字）", plannedActivities: "请至少填写一项年度计划活动" });
  });
  it("saves an incomplete draft", () => {
    expect(applicationSchema.safeParse({ ...complete, innovation: "", intent: "draft" }).success).toBe(true);
  });
  it("lists nothing missing for complete content", () => {
    const r = applicationSchema.parse(complete);
    expect(missingFacts(r)).toEqual({});
  });
});
