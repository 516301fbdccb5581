"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { markNotificationsReadAction } from "@/lib/notifications/actions";

type MarkReadFormProps = {
  /** One notification; omit to mark all of the user's notifications. */
  id?: string;
  label: string;
  /** Accessible name when the visible label alone is ambiguous (e.g. which notification). */
  ariaLabel?: string;
  variant?: "primary" | "ghost" | "secondary";
};

export function MarkReadForm({ id, label, ariaLabel, variant = "ghost" }: MarkReadFormProps) {
  const [state, formAction, pending] = useActionState(markNotificationsReadAction, null);
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      {id ? <input type="hidden" name="id" value={id} /> : <input type="hidden" name="all" value="1" />}
      <Button type="submit" size="sm" variant={variant} disabled={pending} aria-label={ariaLabel}>
        {pending ? "处理中…" : label}
      </Button>
      {state && !state.ok && <p role="alert" className="text-xs text-red-700">{state.error}</p>}
    </form>
  );
}
