"use client";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { fieldErrorsOf } from "@/components/ui/outcome";
import type { ActionResult } from "@/lib/actions/pipeline";

/** A form's data, or the same fields built in code. */
type Payload = FormData | Record<string, unknown>;
/** A server action (`defineAction`'s ignore the previous result, so any action of the result type fits). */
type Action<T, P extends Payload> = (prev: never, payload: P) => Promise<ActionResult<T>>;

export type FormAction<T = unknown, P extends Payload = Payload> = {
  /** The latest result (null before the first submission and after `reset`). */
  state: ActionResult<T> | null;
  pending: boolean;
  /** The latest submission succeeded. */
  done: boolean;
  /** The Chinese error of a failed submission. */
  error: string | undefined;
  fieldErrors: Record<string, string[]>;
  /** For `<form action>` (works before hydration; React clears the form after it). */
  action: (payload: P) => void;
  /** For `<form onSubmit>`: sends the form (and the button that submitted it) and keeps what the user typed. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Sends data built in code. */
  run: (payload: P) => void;
  /** Forgets the latest result (closing a step, say). */
  reset: () => void;
};

/** One server action bound to a form: its result, whether it is running, its errors, and the ways to send it. */
export function useFormAction<T, P extends Payload = Payload>(serverAction: Action<T, P>): FormAction<T, P> {
  const [latest, dispatch, pending] = useActionState<ActionResult<T> | null, P>(
    serverAction as (prev: ActionResult<T> | null, payload: P) => Promise<ActionResult<T>>, null);
  const [dismissed, setDismissed] = useState<ActionResult<T> | null>(null);
  const state = latest === dismissed ? null : latest;
  const run = (payload: P) => startTransition(() => dispatch(payload));
  return {
    state,
    pending,
    done: !!state?.ok,
    error: state && !state.ok ? state.error : undefined,
    fieldErrors: fieldErrorsOf(state),
    action: dispatch,
    // Not `<form action>`: React resets a form after its action, which would drop what a refused user typed.
    onSubmit: (event) => {
      event.preventDefault();
      run(new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter) as P);
    },
    run,
    reset: () => setDismissed(latest),
  };
}
