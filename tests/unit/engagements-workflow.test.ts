import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { EngagementState, NeedState, ServiceRecordState } from "@/lib/generated/prisma/enums";
import { ENGAGEMENT_STATE_LABEL, NEED_STATE_LABEL, SERVICE_RECORD_STATE_LABEL } from "@/lib/labels";
import {
  canAct, canRecordStep, canStep, ENGAGEMENT_ACTS, ENGAGEMENT_STEPS, finishBlocker, isLive, missingPlanParts, nextEngagementState,
  nextRecordState, otherSide, RECORD_STEPS, type EngagementAct, type EngagementStep, type RecordStep,
} from "@/lib/engagements/workflow";
import { canStep as canNeedStep, NEED_SERVICE_STEPS, nextState, type NeedServiceStep } from "@/lib/needs/workflow";

const STATES = Object.keys(ENGAGEMENT_STATE_LABEL) as EngagementState[];
const RECORD_STATES = Object.keys(SERVICE_RECORD_STATE_LABEL) as ServiceRecordState[];
const NEED_STATES = Object.keys(NEED_STATE_LABEL) as NeedState[];

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    return e as AppError;
  }
  throw new Error("expected an error");
}

// The tables, written out once more by hand: a change to workflow.ts must be deliberate here too.
const LEGAL: Record<EngagementStep, Partial<Record<EngagementState, EngagementState>>> = {
  start: { PLANNING: "ACTIVE" },
  finish: { ACTIVE: "AWAITING_FEEDBACK" },
  close: { AWAITING_FEEDBACK: "CLOSED" },
  cancel: { PLANNING: "CANCELLED", ACTIVE: "CANCELLED" },
};

describe("engagement steps", () => {
  for (const step of Object.keys(ENGAGEMENT_STEPS) as EngagementStep[]) {
    for (const from of STATES) {
      const to = LEGAL[step][from];
      if (to) {
        it(`${step}: ${from} → ${to}`, () => {
          expect(canStep(step, from)).toBe(true);
          expect(nextEngagementState(step, from)).toBe(to);
        });
      } else {
        it(`${step} from ${from} is refused in Chinese`, () => {
          expect(canStep(step, from)).toBe(false);
          const e = errorOf(() => nextEngagementState(step, from));
          expect(e).toBeInstanceOf(AppError);
          expect(e.code).toBe("INVALID_TRANSITION");
          expect(e.message).toBe(`服务项目当前为“${ENGAGEMENT_STATE_LABEL[from]}”，不能${ENGAGEMENT_STEPS[step].label}`);
        });
      }
    }
  }

  it("needs a reason only to cancel; start and close follow from the acts", () => {
    expect(Object.entries(ENGAGEMENT_STEPS).filter(([, r]) => r.reasonRequired).map(([k]) => k)).toEqual(["cancel"]);
    expect(Object.entries(ENGAGEMENT_STEPS).filter(([, r]) => r.operation === "system").map(([k]) => k)).toEqual(["start", "close"]);
  });

  it("counts planning, active and awaiting feedback as live (holding the expert's place)", () => {
    expect(STATES.filter(isLive)).toEqual(["PLANNING", "ACTIVE", "AWAITING_FEEDBACK"]);
  });
});

describe("acts within states, by side", () => {
  const WHERE: Record<EngagementAct, [EngagementState[], string[]]> = {
    editPlan: [["PLANNING"], ["UNIT", "EXPERT"]],
    agreePlan: [["PLANNING"], ["UNIT", "EXPERT"]],
    logRecord: [["ACTIVE"], ["EXPERT"]],
    editRecord: [["ACTIVE"], ["EXPERT"]],
    confirmRecord: [["ACTIVE"], ["UNIT"]],
    disputeRecord: [["ACTIVE"], ["UNIT"]],
    finish: [["ACTIVE"], ["UNIT", "EXPERT"]],
    feedback: [["AWAITING_FEEDBACK"], ["UNIT", "EXPERT"]],
    cancel: [["PLANNING", "ACTIVE"], ["PROVINCE"]],
  };
  for (const act of Object.keys(ENGAGEMENT_ACTS) as EngagementAct[]) {
    it(`${act}: only in ${WHERE[act][0].join("/")} by ${WHERE[act][1].join("/")}`, () => {
      for (const state of STATES) {
        for (const party of ["UNIT", "EXPERT", "PROVINCE"] as const) {
          expect(canAct(act, state, party), `${act} ${state} ${party}`).toBe(WHERE[act][0].includes(state) && WHERE[act][1].includes(party));
        }
        expect(canAct(act, state, null)).toBe(false);
        expect(canAct(act, state)).toBe(WHERE[act][0].includes(state));
      }
    });
  }

  it("gives each act the permission operation its side holds", () => {
    expect(ENGAGEMENT_ACTS.logRecord.operation).toBe("engagement.log");
    expect(ENGAGEMENT_ACTS.confirmRecord.operation).toBe("engagement.confirm");
    expect(ENGAGEMENT_ACTS.agreePlan.operation).toBe("engagement.plan");
    expect(ENGAGEMENT_ACTS.feedback.operation).toBe("engagement.finish");
    expect(ENGAGEMENT_ACTS.cancel.operation).toBe("engagement.cancel");
  });
});

describe("service record steps", () => {
  const LEGAL_RECORD: Record<RecordStep, Partial<Record<ServiceRecordState, ServiceRecordState>>> = {
    confirm: { SUBMITTED: "CONFIRMED" },
    dispute: { SUBMITTED: "DISPUTED" },
    edit: { SUBMITTED: "SUBMITTED", DISPUTED: "SUBMITTED" },
  };
  for (const step of Object.keys(RECORD_STEPS) as RecordStep[]) {
    for (const from of RECORD_STATES) {
      const to = LEGAL_RECORD[step][from];
      it(`${step} from ${from}: ${to ?? "refused"}`, () => {
        expect(canRecordStep(step, from)).toBe(!!to);
        if (to) expect(nextRecordState(step, from)).toBe(to);
        else expect(errorOf(() => nextRecordState(step, from)).message).toBe(`该服务记录${SERVICE_RECORD_STATE_LABEL[from]}，不能${RECORD_STEPS[step].label}`);
      });
    }
  }
});

describe("conditions on the data", () => {
  it("lists what the plan lacks", () => {
    expect(missingPlanParts({ planGoals: null, planSchedule: " ", planPlace: null, planDeliverables: null, planForms: [] }))
      .toEqual(["服务目标", "进度安排", "服务形式", "服务地点", "预期成果"]);
    expect(missingPlanParts({ planGoals: "目标", planSchedule: "安排", planPlace: "地点", planDeliverables: "成果", planForms: ["TECH_GUIDANCE"] })).toEqual([]);
  });

  it("finishes only with a confirmed record and none waiting", () => {
    expect(finishBlocker({})).toBe("至少要有 1 条经单位确认的服务记录，才能结束服务");
    expect(finishBlocker({ DISPUTED: 2 })).toBe("至少要有 1 条经单位确认的服务记录，才能结束服务");
    expect(finishBlocker({ CONFIRMED: 1, SUBMITTED: 2 })).toBe("还有 2 条服务记录待单位确认，确认或提出异议后才能结束服务");
    expect(finishBlocker({ CONFIRMED: 1, DISPUTED: 1 })).toBeNull();
  });

  it("an edit clears the other side's agreement", () => {
    expect(otherSide("UNIT")).toBe("EXPERT");
    expect(otherSide("EXPERT")).toBe("UNIT");
  });
});

describe("need steps driven by engagements", () => {
  const LEGAL_NEED: Record<NeedServiceStep, Partial<Record<NeedState, NeedState>>> = {
    match: { OPEN: "MATCHED" },
    serve: { MATCHED: "IN_SERVICE" },
    complete: { MATCHED: "COMPLETED", IN_SERVICE: "COMPLETED" },
    reopen: { MATCHED: "OPEN", IN_SERVICE: "OPEN" },
  };
  for (const step of Object.keys(NEED_SERVICE_STEPS) as NeedServiceStep[]) {
    for (const from of NEED_STATES) {
      const to = LEGAL_NEED[step][from];
      it(`${step} from ${from}: ${to ?? "refused"}`, () => {
        expect(canNeedStep(step, from)).toBe(!!to);
        if (to) expect(nextState(step, from)).toBe(to);
        else expect(errorOf(() => nextState(step, from)).message).toBe(`需求当前为“${NEED_STATE_LABEL[from]}”，不能${NEED_SERVICE_STEPS[step].label}`);
      });
    }
  }
});
