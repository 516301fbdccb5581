import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";

// Shared by the workflow-table tests: each writes its legal transitions out by hand (so a change to a workflow must be
// deliberate in its test too) and checks every step from every state — legal ones reach their state, all others are
// refused with the expected Chinese sentence.

/** The error a refused call throws (fails the test when nothing is thrown). */
export function refusal(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("not refused");
}

type Table<S extends string, K extends string> = {
  workflow: { canStep(step: K, from: S | null): boolean; next(step: K, from: S | null, pick?: S): S };
  states: readonly S[];
  steps: readonly K[];
  /** Per step, the states it leaves ("null": nothing yet) and where it goes (a list: a branching step). */
  legal: Record<K, Partial<Record<S | "null", S | S[]>>>;
  /** The refusal sentence of a step from a state (left out: only the code is checked). */
  refused?: (step: K, from: S | null) => string;
};

export function describeWorkflowTable<S extends string, K extends string>(name: string, t: Table<S, K>) {
  describe(name, () => {
    for (const step of t.steps) {
      for (const from of [null, ...t.states]) {
        const to = t.legal[step][from ?? "null"];
        if (to) {
          it(`${step}: ${from} → ${String(to)}`, () => {
            expect(t.workflow.canStep(step, from)).toBe(true);
            if (Array.isArray(to)) for (const x of to) expect(t.workflow.next(step, from, x)).toBe(x);
            else expect(t.workflow.next(step, from)).toBe(to);
          });
        } else {
          it(`${step} from ${from} is refused in Chinese`, () => {
            expect(t.workflow.canStep(step, from)).toBe(false);
            const err = refusal(() => t.workflow.next(step, from));
            expect(err.code).toBe("INVALID_TRANSITION");
            if (t.refused) expect(err.message).toBe(t.refused(step, from));
          });
        }
      }
    }
  });
}
