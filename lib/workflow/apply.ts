import type { Tx } from "@/lib/db";
import { conflict, invalidInput } from "@/lib/errors";

// Writing a step to the aggregate's row: a conditional update on the state the actor saw (and the version, when
// given), so of two people acting at once exactly one wins; then the aggregate's history row, if it keeps one.

/** The Prisma models a transaction can update in bulk (the delegate names: "need", "match", …). */
export type ModelName = { [M in keyof Tx]: Tx[M] extends { updateMany: (...args: never[]) => unknown } ? M : never }[keyof Tx];
type UpdateArgs<M extends ModelName> = NonNullable<Parameters<Tx[M]["updateMany"]>[0]>;
export type RowData<M extends ModelName> = UpdateArgs<M>["data"];
export type RowWhere<M extends ModelName> = NonNullable<UpdateArgs<M>["where"]>;

export type Change<S extends string> = {
  id: string; from: S; to: S; actorId: string | null; comment: string | null; now: Date;
};

export type Store<S extends string, M extends ModelName> = {
  model: M;
  /** The column holding the state (default "state"). */
  stateField?: Extract<keyof RowWhere<M>, string>;
  /** The row has a `version` (an optimistic lock for forms) that every step increments. */
  versioned: boolean;
  /** Writes the aggregate's history row (e.g. the need's timeline) in the same transaction. */
  history?: (tx: Tx, change: Change<S>) => Promise<unknown>;
};

export type StepArgs<S extends string, K extends string, M extends ModelName> = {
  id: string;
  step: K;
  /** The state read from the row. */
  from: S;
  /** For a step with several targets: which one. */
  to?: S;
  /** The version the actor saw: the step applies only to it. */
  version?: number;
  /** Further conditions on the row. */
  where?: RowWhere<M>;
  /** Further fields the step sets (review fields, reasons, times). */
  data?: RowData<M>;
  actorId?: string | null;
  /** The reason or note (trimmed); required when the step's reasonRequired. */
  comment?: string | null;
  now?: Date;
  /** The message when the row changed first, instead of the workflow's. */
  conflict?: string;
};

export type Stepped<S extends string> = { from: S; to: S; comment: string | null };

/** What applyStep needs of a workflow (lib/workflow/define.ts). */
type Rules<S extends string, K extends string, M extends ModelName> = {
  steps: Record<K, { reasonRequired: boolean }>;
  next(step: K, from: S | null, pick?: S): S;
  store: Store<S, M>;
  conflict?: string;
};

type Delegate = { updateMany(args: { where: object; data: object }): Promise<{ count: number }> };

/**
 * Check the step against the table (INVALID_TRANSITION in Chinese), require its reason, update the row where it
 * is still in `from` (and `version`), incrementing the version where the model has one — CONFLICT when no row
 * matched — and write the history row. Runs in the caller's transaction.
 */
export async function applyStep<S extends string, K extends string, M extends ModelName>(
  tx: Tx,
  wf: Rules<S, K, M>,
  args: StepArgs<S, K, M>,
): Promise<Stepped<S>> {
  const { store } = wf;
  const to = wf.next(args.step, args.from, args.to);
  const comment = args.comment?.trim() || null;
  if (wf.steps[args.step].reasonRequired && !comment) throw invalidInput({ reason: ["请填写原因"] });
  const field = store.stateField ?? "state";
  const delegate = tx[store.model] as unknown as Delegate;
  const { count } = await delegate.updateMany({
    where: { ...args.where, id: args.id, [field]: args.from, ...(args.version !== undefined ? { version: args.version } : {}) },
    data: { ...args.data, [field]: to, ...(store.versioned ? { version: { increment: 1 } } : {}) },
  });
  if (count !== 1) throw conflict(args.conflict ?? wf.conflict);
  await store.history?.(tx, {
    id: args.id, from: args.from, to, actorId: args.actorId ?? null, comment, now: args.now ?? new Date(),
  });
  return { from: args.from, to, comment };
}
