import type { ComponentProps, ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field-error";

export const inputClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm focus:border-brand-600 focus:outline-none aria-[invalid=true]:border-red-500";

type FormFieldProps = {
  id: string;
  label: string;
  hint?: ReactNode;
  errors?: string[];
  className?: string;
  /** Receives the ids for aria-describedby and whether the field is invalid. */
  children: (a11y: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
};

/** Label, control, hint and error text, wired together for assistive technology. */
export function FormField({ id, label, hint, errors, className, children }: FormFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-700">{label}</label>
      <div className="mt-1">{children({ id, "aria-describedby": describedBy, "aria-invalid": errorId ? true : undefined })}</div>
      {hint && <p id={hintId} className="mt-1 text-xs text-slate-500">{hint}</p>}
      <FieldError id={errorId} errors={errors} className="mt-1" />
    </div>
  );
}

export function Input({ className, ...props }: ComponentProps<"input">) {
  return <input className={cn(inputClass, className)} {...props} />;
}

export function Select({ className, ...props }: ComponentProps<"select">) {
  return <select className={cn(inputClass, className)} {...props} />;
}

export function Textarea({ className, ...props }: ComponentProps<"textarea">) {
  return <textarea className={cn(inputClass, className)} {...props} />;
}
