"use client";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { fieldErrorsOf } from "@/components/ui/outcome";
import type { ActionResult } from "@/lib/actions/pipeline";

type Action<T> = (prev: ActionResult<T> | null, payload: FormData) => Promise<ActionResult<T>>;

export type FormAction<T = unknown> = {
  /** The latest result (null before the first submission and after `reset`). */
  state: ActionResult<T> | null;
  pending: boolean;
  /** The latest submission succeeded. */
  done: boolean;
  /** The Chinese error of a failed submission. */
  error: string | undefined;
  fieldErrors: Record<string, string[]>;
  /** For `<form action>` (works before hydration; React clears the form after it). */
  action: (payload: FormData) => void;
  /** For `<form onSubmit>`: sends the form (and the button that submitted it) and keeps what the user typed. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Sends data built in code. */
  run: (payload: FormData) => void;
  /** Forgets the latest result (closing a step, say). */
  reset: () => void;
};

/** One server action bound to a form: its result, whether it is running, its errors, and the ways to send it. */
export function useFormAction<T>(serverAction: Action<T>): FormAction<T> {
  const [latest, dispatch, pending] = useActionState<ActionResult<T> | null, FormData>(serverAction, null);
  const [dismissed, setDismissed] = useState<ActionResult<T> | null>(null);
  const state = latest === dismissed ? null : latest;
  const run = (payload: FormData) => startTransition(() => dispatch(payload));
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
      run(new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter));
    },
    run,
    reset: () => setDismissed(latest),
  };
}
