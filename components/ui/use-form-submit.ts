"use client";
import { startTransition, type FormEvent } from "react";

/**
 * An onSubmit handler that sends the form's data to a `useActionState` dispatcher without React's automatic form
 * reset (which `<form action>` does after every submission), so a refused form keeps what the user typed.
 */
export function submitKeepingInput(dispatch: (payload: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(data));
  };
}
