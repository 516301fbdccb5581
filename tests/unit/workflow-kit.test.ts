import { describe, expect, it } from "vitest";
import { can } from "@/lib/auth/permissions";
import type { RoleGrant, SessionUser } from "@/lib/auth/roles";
import type { Tx } from "@/lib/db";
import { partyOf } from "@/lib/engagements/scope";
import { canStep as canEngagementStep, ENGAGEMENT_ACTS, ENGAGEMENT_WORKFLOW, type EngagementAct } from "@/lib/engagements/workflow";
import { AppError } from "@/lib/errors";
import type { CaseState, EngagementState, NeedState } from "@/lib/generated/prisma/enums";
import { CASE_STATE_LABEL, ENGAGEMENT_STATE_LABEL, NEED_STATE_LABEL } from "@/lib/labels";
import { LIBRARY_TRANSITIONS, MEMBERSHIP_WORKFLOW, NOMINATION_TRANSITIONS } from "@/lib/library/workflow";
import { canStep as canNeedStep, isEditable, NEED_WORKFLOW } from "@/lib/needs/workflow";
import { defineWorkflow } from "@/lib/workflow/define";

// A typical case's review, declared the way the coming areas will declare theirs.
const CASES = defineWorkflow({
  entityLabel: "案例",
  stateLabel: CASE_STATE_LABEL,
  steps: {
    submit: { label: "报送", from: ["DRAFT", "REJECTED"], to: "SUBMITTED", operation: "case.submit", reasonRequired: false },
    publish: { label: "发布", from: ["SUBMITTED"], to: "PUBLISHED", operation: "case.publish", reasonRequired: false },
    reject: { label: "不予采用", from: ["SUBMITTED"], to: "REJECTED", operation: "case.publish", reasonRequired: true },
    archive: { label: "归档", from: ["PUBLISHED"], to: "PUBLISHED", operation: "system", reasonRequired: false, refused: "只有已发布的案例可以归档" },
    recall: { label: "撤回", from: ["SUBMITTED", "PUBLISHED"], to: ["DRAFT", "REJECTED"], operation: "case.submit", reasonRequired: false },
  },
  acts: {
    edit: { label: "修改", in: ["DRAFT", "REJECTED"], operation: "case.submit" },
    comment: { label: "点评", in: ["SUBMITTED"], operation: "case.publish", parties: ["REVIEWER"] },
  },
  store: {
    model: "typicalCase",
    versioned: false,
    history: async (_tx, change) => { histories.push(change); },
  },
  conflict: "该案例已被他人处理，请刷新后重试",
});
const histories: unknown[] = [];

const STATES = Object.keys(CASE_STATE_LABEL) as CaseState[];

const user = (...roles: RoleGrant[]): SessionUser => ({ id: "u1", username: "u", displayName: "用户", roles });
const province = (code: string) => user({ role: "PROVINCE_ADMIN", provinceCode: code, organizationId: null });
const ministry = user({ role: "MINISTRY_ADMIN", provinceCode: null, organizationId: null });
const unit = (org: string) => user({ role: "UNIT_USER", provinceCode: null, organizationId: org });

/** An AppError with this code and message. */
const refusal = (code: string, message: string) => expect.objectContaining({ name: "AppError", code, message });

describe("defineWorkflow: the rule", () => {
  it("moves only along the table, and lists the steps from each state in table order", () => {
    expect(CASES.canStep("submit", "DRAFT")).toBe(true);
    expect(CASES.canStep("submit", "PUBLISHED")).toBe(false);
    expect(CASES.next("publish", "SUBMITTED")).toBe("PUBLISHED");
    expect(CASES.stepsFrom("SUBMITTED")).toEqual(["publish", "reject", "recall"]);
    expect(CASES.stepsFrom("DRAFT")).toEqual(["submit"]);
    expect(CASES.stepsFrom(null)).toEqual([]);
  });

  it("refuses in Chinese: the workflow's sentence, a step's own, and 'no row yet'", () => {
    expect(() => CASES.next("publish", "DRAFT")).toThrow(AppError);
    expect(() => CASES.next("publish", "DRAFT")).toThrow(refusal("INVALID_TRANSITION", "案例当前为“草稿”，不能发布"));
    expect(() => CASES.next("archive", "DRAFT")).toThrow(refusal("INVALID_TRANSITION", "只有已发布的案例可以归档"));
    expect(() => CASES.next("submit", null)).toThrow(refusal("INVALID_TRANSITION", "尚无案例，不能报送"));
  });

  it("makes the service say where a branching step ends, and only among its targets", () => {
    expect(CASES.next("recall", "PUBLISHED", "DRAFT")).toBe("DRAFT");
    expect(CASES.next("recall", "SUBMITTED", "REJECTED")).toBe("REJECTED");
    expect(() => CASES.next("recall", "SUBMITTED")).toThrow(/recall leads to one of DRAFT\/REJECTED/);
    expect(() => CASES.next("recall", "SUBMITTED", "PUBLISHED")).toThrow(Error);
    expect(() => CASES.next("recall", "DRAFT", "REJECTED")).toThrow(refusal("INVALID_TRANSITION", "案例当前为“草稿”，不能撤回"));
  });

  it("lists each state's targets once (branching steps included)", () => {
    expect(CASES.transitions).toEqual({
      DRAFT: ["SUBMITTED"], SUBMITTED: ["PUBLISHED", "REJECTED", "DRAFT"], PUBLISHED: ["PUBLISHED", "DRAFT", "REJECTED"], REJECTED: ["SUBMITTED"],
      RETURNED: [], WITHDRAWN: [], // states of the real case workflow (lib/cases) this test table leaves alone
    });
  });

  it("allows acts in their states, to their sides only when a side is asked about", () => {
    expect(STATES.filter((s) => CASES.canAct("edit", s))).toEqual(["DRAFT", "REJECTED"]);
    expect(CASES.canAct("edit", "DRAFT", null)).toBe(false);
    expect(CASES.canAct("comment", "SUBMITTED", "REVIEWER")).toBe(true);
    expect(CASES.canAct("comment", "DRAFT", "REVIEWER")).toBe(false);
    expect(() => CASES.assertAct("edit", "DRAFT")).not.toThrow();
    expect(() => CASES.assertAct("edit", "PUBLISHED")).toThrow(refusal("INVALID_TRANSITION", "案例当前为“已发布”，不能修改"));
  });
});

describe("defineWorkflow: allowed, the state rule with the permission table", () => {
  const inSichuan = { provinceCode: "51" };

  it("offers a province its steps on its own province's rows only, never the ministry's or system steps", () => {
    expect(CASES.allowed(province("51"), "DRAFT", inSichuan)).toEqual({
      submit: true, publish: false, reject: false, archive: false, recall: false, edit: true, comment: false,
    });
    expect(Object.values(CASES.allowed(province("33"), "DRAFT", inSichuan)).some(Boolean)).toBe(false);
    expect(CASES.allowed(province("51"), "SUBMITTED", inSichuan)).toMatchObject({ submit: false, recall: true, publish: false });
  });

  it("offers the ministry its decisions only while the case waits for them", () => {
    expect(CASES.allowed(ministry, "SUBMITTED", inSichuan)).toMatchObject({ publish: true, reject: true, submit: false, comment: true });
    expect(CASES.allowed(ministry, "PUBLISHED", inSichuan)).toMatchObject({ publish: false, reject: false, archive: false });
  });

  it("asks partyOf for the side of acts that have sides", () => {
    expect(CASES.allowed(ministry, "SUBMITTED", inSichuan, () => null).comment).toBe(false);
    expect(CASES.allowed(ministry, "SUBMITTED", inSichuan, () => "REVIEWER").comment).toBe(true);
    // A side without the permission is still refused.
    expect(CASES.allowed(province("51"), "SUBMITTED", inSichuan, () => "REVIEWER").comment).toBe(false);
  });
});

describe("the areas' workflows on the kit", () => {
  const NEED_STATES = Object.keys(NEED_STATE_LABEL) as NeedState[];
  const need = { provinceCode: "51", organizationId: "org-1" };

  it("gives the need page the same buttons the page computed by hand", () => {
    for (const [who, u] of [["unit", unit("org-1")], ["other unit", unit("org-2")], ["province", province("51")], ["ministry", ministry]] as const) {
      for (const state of NEED_STATES) {
        const mayUpdate = can(u, "need.update", need);
        const mayReview = can(u, "need.review", need);
        const a = NEED_WORKFLOW.allowed(u, state, need);
        expect([a.edit, a.attach, a.submit, a.withdraw, a.approve], `${who} ${state}`).toEqual([
          mayUpdate && isEditable(state), mayUpdate && isEditable(state), mayUpdate && canNeedStep("submit", state),
          mayUpdate && canNeedStep("withdraw", state), mayReview && canNeedStep("approve", state),
        ]);
      }
    }
  });

  it("gives each side of an engagement its acts (and finish/cancel by side), as canAct with partyOf did", () => {
    const scope = { provinceCode: "51", organizationId: "org-1", ownerUserId: "u1" };
    const expert = user({ role: "EXPERT", provinceCode: null, organizationId: null });
    for (const u of [unit("org-1"), expert, province("51"), ministry, province("33")]) {
      for (const state of Object.keys(ENGAGEMENT_STATE_LABEL) as EngagementState[]) {
        const a = ENGAGEMENT_WORKFLOW.allowed(u, state, scope, (op) => partyOf(u, op, scope));
        for (const act of Object.keys(ENGAGEMENT_ACTS) as EngagementAct[]) {
          expect(a[act], `${act} ${state}`).toBe(ENGAGEMENT_WORKFLOW.canAct(act, state, partyOf(u, ENGAGEMENT_ACTS[act].operation, scope)));
        }
        expect(a.start || a.close).toBe(false);
        if (a.finish) expect(canEngagementStep("finish", state)).toBe(true);
      }
    }
  });

  it("derives the library's transition maps from its steps", () => {
    expect(NOMINATION_TRANSITIONS).toEqual({ NOMINATED: ["ADMITTED", "DECLINED", "WITHDRAWN"], ADMITTED: [], DECLINED: [], WITHDRAWN: [] });
    expect(LIBRARY_TRANSITIONS).toEqual({
      NONE: ["NOMINATED"], NOMINATED: ["IN_LIBRARY", "DECLINED", "NONE", "LEFT"], IN_LIBRARY: ["LEFT"], DECLINED: ["NOMINATED"], LEFT: ["NOMINATED"],
    });
    expect(() => MEMBERSHIP_WORKFLOW.next("leave", "LEFT")).toThrow(refusal("INVALID_TRANSITION", "该专家当前不在重点联系专家库中（可能已退出），请刷新后查看"));
    expect(() => MEMBERSHIP_WORKFLOW.assertAct("confirm", "NONE")).toThrow(refusal("INVALID_TRANSITION", "您当前不在重点联系专家库中，无需确认"));
  });
});

describe("apply: the conditional update", () => {
  type Call = { where: Record<string, unknown>; data: Record<string, unknown> };
  function fakeTx(count: number) {
    const calls: Call[] = [];
    const delegate = { updateMany: async (args: Call) => { calls.push(args); return { count }; } };
    return { tx: { typicalCase: delegate, expertProfile: delegate } as unknown as Tx, calls };
  }
  const now = new Date("2026-03-01T00:00:00Z");

  it("updates where the row is still in `from` (and the version seen), then writes the history row", async () => {
    histories.length = 0;
    const { tx, calls } = fakeTx(1);
    const r = await CASES.apply(tx, {
      id: "c1", step: "publish", from: "SUBMITTED", version: 3, where: { provinceCode: "51" }, data: { publishedAt: now },
      actorId: "u9", comment: "  写得好  ", now,
    });
    expect(r).toEqual({ from: "SUBMITTED", to: "PUBLISHED", comment: "写得好" });
    expect(calls).toEqual([{ where: { provinceCode: "51", id: "c1", state: "SUBMITTED", version: 3 }, data: { publishedAt: now, state: "PUBLISHED" } }]);
    expect(histories).toEqual([{ id: "c1", from: "SUBMITTED", to: "PUBLISHED", actorId: "u9", comment: "写得好", now }]);
  });

  it("increments the version where the model has one, and writes the state to the model's own column", async () => {
    const { tx, calls } = fakeTx(1);
    await MEMBERSHIP_WORKFLOW.apply(tx, { id: "e1", step: "remove", from: "IN_LIBRARY", comment: "长期未参加活动" });
    expect(calls[0]).toEqual({ where: { id: "e1", libraryStatus: "IN_LIBRARY" }, data: { libraryStatus: "LEFT" } });
    const versioned = defineWorkflow({
      entityLabel: "案例", stateLabel: CASE_STATE_LABEL, steps: { submit: CASES.steps.submit }, store: { model: "typicalCase", versioned: true },
    });
    const second = fakeTx(1);
    await versioned.apply(second.tx, { id: "c1", step: "submit", from: "DRAFT" });
    expect(second.calls[0].data).toEqual({ state: "SUBMITTED", version: { increment: 1 } });
    expect(second.calls[0].where).toEqual({ id: "c1", state: "DRAFT" });
  });

  it("answers CONFLICT when someone else moved the row first, and writes no history", async () => {
    histories.length = 0;
    const { tx } = fakeTx(0);
    await expect(CASES.apply(tx, { id: "c1", step: "publish", from: "SUBMITTED" })).rejects.toThrow(refusal("CONFLICT", "该案例已被他人处理，请刷新后重试"));
    await expect(CASES.apply(tx, { id: "c1", step: "publish", from: "SUBMITTED", conflict: "刚被处理" })).rejects.toThrow(refusal("CONFLICT", "刚被处理"));
    expect(histories).toEqual([]);
  });

  it("refuses an illegal move or a missing reason without touching the row", async () => {
    const { tx, calls } = fakeTx(1);
    await expect(CASES.apply(tx, { id: "c1", step: "publish", from: "DRAFT" })).rejects.toThrow(refusal("INVALID_TRANSITION", "案例当前为“草稿”，不能发布"));
    await expect(CASES.apply(tx, { id: "c1", step: "reject", from: "SUBMITTED", comment: "   " }))
      .rejects.toThrow(expect.objectContaining({ code: "VALIDATION", fieldErrors: { reason: ["请填写原因"] } }));
    expect(calls).toEqual([]);
  });

  it("writes the target the service picked for a branching step", async () => {
    const { tx, calls } = fakeTx(1);
    await CASES.apply(tx, { id: "c1", step: "recall", from: "PUBLISHED", to: "REJECTED" });
    expect(calls[0].data).toEqual({ state: "REJECTED" });
  });
});
