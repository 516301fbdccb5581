import { cn } from "@/components/ui/cn";

type FieldErrorProps = {
  /** The messages (joined with "；"); nothing is shown when there are none. */
  errors?: readonly string[] | string | null | false;
  /** Referenced by the field's aria-describedby. */
  id?: string;
  /** Announce at once (an action's error, not a field's). */
  alert?: boolean;
  /** The small size used beside row buttons. */
  compact?: boolean;
  className?: string;
};

/** The red line under a field, or under the buttons of an action that failed. */
export function FieldError({ errors, id, alert, compact, className }: FieldErrorProps) {
  const text = typeof errors === "string" ? errors : errors ? errors.join("；") : "";
  if (!text) return null;
  return (
    <p id={id} role={alert ? "alert" : undefined} className={cn(compact ? "text-xs" : "text-sm", "text-red-700", className)}>
      {text}
    </p>
  );
}
