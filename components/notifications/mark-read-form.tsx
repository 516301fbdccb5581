"use client";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { useFormAction } from "@/components/ui/use-form-action";
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
  const mark = useFormAction(markNotificationsReadAction);
  return (
    <form action={mark.action} className="inline-flex flex-col items-end gap-1">
      {id ? <input type="hidden" name="id" value={id} /> : <input type="hidden" name="all" value="1" />}
      <Button type="submit" size="sm" variant={variant} disabled={mark.pending} aria-label={ariaLabel}>
        {mark.pending ? "处理中…" : label}
      </Button>
      <FieldError errors={mark.error} alert compact />
    </form>
  );
}
