import { can, type Operation, type ResourceScope } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { invalidTransition } from "@/lib/errors";
import { applyStep, type ModelName, type Store, type StepArgs, type Stepped } from "@/lib/workflow/apply";
import type { Tx } from "@/lib/db";

// One aggregate's life as data. Steps move it from state to state; acts happen within a state (editing, logging,
// agreeing) and may belong to one side. The same table answers what the server allows (next, assertAct), which
// buttons a page shows (allowed) and how a step is written to the row (apply, lib/workflow/apply.ts).

export type StepRule<S extends string, From extends string | null = S, Op extends Operation | "system" = Operation | "system"> = {
  label: string;
  /** `null`: no row yet (the step creates it). */
  from: readonly From[];
  to: S;
  /** "system": the step follows from something else (an act, a deadline); no button offers it. */
  operation: Op;
  reasonRequired: boolean;
  /** The refusal when the state does not allow the step, where the workflow's usual sentence does not fit. */
  refused?: string;
};

/** A step that may end in one of several states: the service says which (e.g. back to where the row was). */
export type BranchingStepRule<S extends string, From extends string | null = S> = Omit<StepRule<S, From>, "to"> & { to: readonly S[] };

export type ActRule<S extends string, P extends string = never> = {
  label: string;
  /** States in which the act is possible. */
  in: readonly S[];
  operation: Operation;
  /** The sides that may do it (see `allowed`); omitted: anyone holding the operation. */
  parties?: readonly P[];
  refused?: string;
};

export type WorkflowSpec<S extends string, K extends string, A extends string, P extends string, M extends ModelName> = {
  /** How messages name the aggregate: 「需求」当前为“草稿”，不能… */
  entityLabel: string;
  stateLabel: Record<S, string>;
  steps: Record<K, StepRule<NoInfer<S>, NoInfer<S> | null> | BranchingStepRule<NoInfer<S>, NoInfer<S> | null>>;
  acts?: Record<A, ActRule<NoInfer<S>, P>>;
  /** The row the aggregate lives in. */
  store: Store<NoInfer<S>, M>;
  /** The refusal sentence, when not `${entityLabel}当前为“${state}”，不能${label}`. */
  refusal?: (from: NoInfer<S> | null, label: string) => string;
  /** The message when someone else changed the row first (default: lib/errors conflict()). */
  conflict?: string;
};

type Actor = Pick<SessionUser, "id" | "roles">;

export function defineWorkflow<
  S extends string, K extends string, M extends ModelName, A extends string = never, P extends string = never,
>(spec: WorkflowSpec<S, K, A, P, M>) {
  const { steps, entityLabel, stateLabel } = spec;
  const acts = (spec.acts ?? {}) as Record<A, ActRule<S, P>>;
  const stepKeys = Object.keys(steps) as K[];
  const actKeys = Object.keys(acts) as A[];
  const states = Object.keys(stateLabel) as S[];

  const sentence = (from: S | null, label: string) =>
    spec.refusal?.(from, label) ??
    (from === null ? `尚无${entityLabel}，不能${label}` : `${entityLabel}当前为“${stateLabel[from]}”，不能${label}`);

  const canStep = (step: K, from: S | null): boolean => steps[step].from.includes(from);

  /** The state `step` leads to from `from`, or an INVALID_TRANSITION error in Chinese. */
  function next(step: K, from: S | null, pick?: S): S {
    const rule = steps[step];
    if (!canStep(step, from)) throw invalidTransition(rule.refused ?? sentence(from, rule.label));
    if (typeof rule.to === "string") return rule.to;
    if (pick === undefined || !rule.to.includes(pick)) throw new Error(`workflow: ${step} leads to one of ${rule.to.join("/")}, not ${pick}`);
    return pick;
  }

  /** Steps available from a state, in table order. */
  const stepsFrom = (from: S | null): K[] => stepKeys.filter((s) => canStep(s, from));

  /** Whether the act is possible in `state`, and — when a side is given — whether that side may do it (null: none). */
  function canAct(act: A, state: S, party?: P | null): boolean {
    const rule = acts[act];
    if (!rule.in.includes(state)) return false;
    if (party === undefined) return true;
    return party !== null && (!rule.parties || rule.parties.includes(party));
  }

  function assertAct(act: A, state: S): void {
    const rule = acts[act];
    if (!rule.in.includes(state)) throw invalidTransition(rule.refused ?? sentence(state, rule.label));
  }

  /**
   * What a page may offer `user` on a row in `state` at `scope` (read from the row): each step and act the state
   * allows and the permission table grants. Acts with parties also need the side `partyOf` gives for the act's
   * operation. An act named like a step (finish, cancel) says who may take that step, so it decides.
   */
  function allowed(user: Actor, state: S, scope: ResourceScope, partyOf?: (operation: Operation) => P | null) {
    const out = {} as Record<K | A, boolean>;
    for (const k of stepKeys) {
      const op = steps[k].operation;
      out[k] = op !== "system" && canStep(k, state) && can(user, op, scope);
    }
    for (const a of actKeys) {
      const rule = acts[a];
      const side = rule.parties && partyOf ? partyOf(rule.operation) : undefined;
      out[a] = can(user, rule.operation, scope) && canAct(a, state, side);
    }
    return out;
  }

  /** Every state with the states its steps lead to (for diagrams and tests). */
  const transitions = Object.fromEntries(
    states.map((s) => [s, [...new Set(stepsFrom(s).flatMap((k) => steps[k].to))]]),
  ) as Record<S, S[]>;

  const workflow = {
    entityLabel, stateLabel, steps, acts, store: spec.store, conflict: spec.conflict,
    canStep, next, stepsFrom, canAct, assertAct, allowed, transitions,
    /** Check the step and write it to the row: see applyStep. */
    apply: (tx: Tx, args: StepArgs<S, K, M>): Promise<Stepped<S>> => applyStep(tx, workflow, args),
  };
  return workflow;
}
