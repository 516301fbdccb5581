import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { NeedState } from "@/lib/generated/prisma/enums";
import { NEED_STATE_LABEL } from "@/lib/labels";
import { canStep, isEditable, NEED_STEPS, nextState, stepsFrom, type NeedStep } from "@/lib/needs/workflow";

const STATES = Object.keys(NEED_STATE_LABEL) as NeedState[];
const STEPS = Object.keys(NEED_STEPS) as NeedStep[];

// The table, written out once more by hand: a change to workflow.ts must be deliberate here too.
const LEGAL: Record<NeedStep, Partial<Record<NeedState, NeedState>>> = {
  submit: { DRAFT: "SUBMITTED", RETURNED: "SUBMITTED" },
  approve: { SUBMITTED: "OPEN" },
  return: { SUBMITTED: "RETURNED" },
  reject: { SUBMITTED: "REJECTED" },
  withdraw: { DRAFT: "CANCELLED", SUBMITTED: "CANCELLED", RETURNED: "CANCELLED" },
};

describe("need workflow table", () => {
  for (const step of STEPS) {
    for (const from of STATES) {
      const to = LEGAL[step][from];
      if (to) {
        it(`${step}: ${from} → ${to}`, () => {
          expect(canStep(step, from)).toBe(true);
          expect(nextState(step, from)).toBe(to);
        });
      } else {
        it(`${step} from ${from} is refused with a Chinese INVALID_TRANSITION`, () => {
          expect(canStep(step, from)).toBe(false);
          let error: unknown;
          try {
            nextState(step, from);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(AppError);
          expect((error as AppError).code).toBe("INVALID_TRANSITION");
          expect((error as AppError).message).toBe(`需求当前为“${NEED_STATE_LABEL[from]}”，不能${NEED_STEPS[step].label}`);
        });
      }
    }
  }

  it("lets the unit edit only drafts and returned needs", () => {
    expect(STATES.filter(isEditable)).toEqual(["DRAFT", "RETURNED"]);
  });

  it("gives review steps to the province and the rest to the unit; reasons required for return and reject", () => {
    expect(STEPS.filter((s) => NEED_STEPS[s].operation === "need.review")).toEqual(["approve", "return", "reject"]);
    expect(STEPS.filter((s) => NEED_STEPS[s].operation === "need.update")).toEqual(["submit", "withdraw"]);
    expect(STEPS.filter((s) => NEED_STEPS[s].reasonRequired)).toEqual(["return", "reject"]);
  });

  it("lists the steps available from each state", () => {
    expect(stepsFrom("SUBMITTED")).toEqual(["approve", "return", "reject", "withdraw"]);
    expect(stepsFrom("OPEN")).toEqual([]);
    expect(stepsFrom("CANCELLED")).toEqual([]);
  });
});
