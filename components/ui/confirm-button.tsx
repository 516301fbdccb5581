"use client";
import { useId, useState, type KeyboardEvent, type ReactNode } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import type { FormAction } from "@/components/ui/use-form-action";

/** Hidden inputs every submission carries: the record's id and version, say. */
export type HiddenFields = Record<string, string | number>;

/** A reason typed in the step; `required` marks it for assistive technology (the action's schema enforces it). */
export type ReasonSpec = { label: string; hint?: string; name?: string; rows?: number; maxLength?: number; required?: boolean };

/** One of several submit buttons of a step, each sending its `value` under the step's decision name. */
export type ConfirmChoice = { label: string; value: string; ariaLabel?: string; variant?: ButtonVariant };

export type StepTone = "danger" | "warning" | "brand" | "success" | "neutral";

/** What a confirmation step shows. */
export type StepSpec = {
  /** The question, saying what cannot be undone ("撤销后…确认撤销？"). */
  question?: ReactNode;
  reason?: ReasonSpec;
  /** Other fields of the step (the first of them should take focus: `autoFocus`). */
  extra?: ReactNode;
  /** The confirming button's text ("确认"), or several submit buttons. */
  confirm?: string | ConfirmChoice[];
  confirmAriaLabel?: string;
  confirmVariant?: ButtonVariant;
  pendingLabel?: string;
  cancelLabel?: string;
  tone?: StepTone;
  /** Names the step's form, which makes it a `form` landmark. */
  formLabel?: string;
};

/** What opens a step: the button's visible text, and a fuller name where the row needs one. */
export type TriggerSpec = { label: string; ariaLabel?: string; variant?: ButtonVariant; disabled?: boolean };

const TONE: Record<StepTone, [frame: string, text: string]> = {
  danger: ["bg-red-50 ring-red-200", "text-red-800"],
  warning: ["bg-amber-50 ring-amber-200", "text-amber-900"],
  brand: ["bg-brand-50 ring-brand-100", "text-slate-800"],
  success: ["bg-emerald-50 ring-emerald-200", "text-slate-800"],
  neutral: ["bg-slate-50 ring-slate-200", "text-slate-700"],
};

type ConfirmStepProps = {
  form: FormAction;
  fields: HiddenFields;
  spec: StepSpec;
  /** The decision this step sends (its hidden input), when the action takes one. */
  decision?: { name: string; value: string };
  /** Base of the step's field ids (unique on the page). */
  id: string;
  /** The small inline layout of a table row. */
  compact?: boolean;
  onCancel: () => void;
};

/**
 * The step between a button and an action that cannot be undone: the question, an optional reason, confirm and
 * cancel. Focus moves into it on opening (the reason, else the confirm button); Escape cancels.
 */
export function ConfirmStep({ form, fields, spec, decision, id, compact, onCancel }: ConfirmStepProps) {
  const { question, reason, extra, confirm = "确认", tone = "danger" } = spec;
  const [frame, text] = TONE[tone];
  const choices: ConfirmChoice[] =
    typeof confirm === "string"
      ? [{ label: form.pending && spec.pendingLabel ? spec.pendingLabel : confirm, value: "", ariaLabel: spec.confirmAriaLabel, variant: spec.confirmVariant }]
      : confirm;
  const escape = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    onCancel();
  };
  const buttons = (
    <>
      {choices.map((c, i) => (
        <Button key={c.value || c.label} type="submit" size="sm" variant={c.variant ?? (tone === "danger" ? "danger" : "primary")}
          name={c.value ? (decision?.name ?? "decision") : undefined} value={c.value || undefined}
          disabled={form.pending} aria-label={c.ariaLabel} autoFocus={!reason && !extra && i === 0}>
          {c.label}
        </Button>
      ))}
      <Button size="sm" variant="ghost" onClick={onCancel}>{spec.cancelLabel ?? "取消"}</Button>
    </>
  );
  return (
    <form onSubmit={form.onSubmit} onKeyDown={escape} aria-label={spec.formLabel} noValidate
      className={compact ? "flex min-w-56 flex-col items-end gap-1 text-left" : cn("basis-full space-y-2 rounded-md p-3 ring-1", frame)}>
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {decision && typeof confirm === "string" && <input type="hidden" name={decision.name} value={decision.value} />}
      {reason && (
        <FormField id={`${id}-reason`} label={reason.label} hint={reason.hint} errors={form.fieldErrors[reason.name ?? "reason"]}
          className={compact ? "w-full" : undefined}>
          {(a) => (
            <Textarea {...a} name={reason.name ?? "reason"} rows={reason.rows ?? 2} maxLength={reason.maxLength ?? 500}
              required={reason.required} autoFocus />
          )}
        </FormField>
      )}
      {extra}
      {compact ? (
        <div className="flex flex-wrap items-center justify-end gap-1">
          {question && <span className="text-xs text-slate-600">{question}</span>}
          {buttons}
        </div>
      ) : (
        <>
          {question && <p className={cn("text-sm", text)}>{question}</p>}
          <div className="flex flex-wrap gap-2">{buttons}</div>
        </>
      )}
    </form>
  );
}

/** The action's failure, unless its field errors already say what is wrong. */
export function StepError({ form, compact }: { form: FormAction; compact?: boolean }) {
  if (!form.error || Object.keys(form.fieldErrors).length) return null;
  return compact ? <FieldError errors={form.error} alert compact /> : <div className="basis-full"><Outcome state={form.state} /></div>;
}

type Opened = { key: string; with: FormAction["state"] };

/** The step still open: the one opened, until a result newer than the opening succeeds (a refusal leaves it open). */
export function openStep(opened: Opened | null, state: FormAction["state"]): string | null {
  return opened && !(state?.ok && state !== opened.with) ? opened.key : null;
}

/** Which step is open; a cancelled step gives focus back to its button. */
export function useSteps(form: FormAction) {
  const [opened, setOpened] = useState<Opened | null>(null);
  const [returnTo, setReturnTo] = useState<string | null>(null);
  const current = openStep(opened, form.state);
  return {
    current,
    open(key: string) {
      setOpened({ key, with: form.state });
      setReturnTo(null);
      form.reset();
    },
    cancel() {
      setReturnTo(opened?.key ?? null);
      setOpened(null);
      form.reset();
    },
    /** Whether the button of `key` takes focus when it comes back. */
    refocus: (key: string) => returnTo === key,
  };
}

type ConfirmButtonProps = TriggerSpec & StepSpec & {
  form: FormAction;
  fields: HiddenFields;
  size?: ButtonSize;
  /** The small inline layout of a table row. */
  compact?: boolean;
};

/** A button that asks before it acts: a confirmation step (and, where needed, a reason) stands between. */
export function ConfirmButton({ form, fields, label, ariaLabel, variant = "secondary", size, disabled, compact, ...spec }: ConfirmButtonProps) {
  const id = useId();
  const steps = useSteps(form);
  return (
    // Outside a row the step and its error stack in the parent's flow: a button row wraps them onto their own lines.
    <div className={compact ? "flex flex-col items-end gap-1" : "contents"}>
      {steps.current ? (
        <ConfirmStep form={form} fields={fields} spec={spec} id={id} compact={compact} onCancel={steps.cancel} />
      ) : (
        <Button variant={variant} size={size} disabled={disabled || form.pending} aria-label={ariaLabel}
          onClick={() => steps.open("confirm")} autoFocus={steps.refocus("confirm")}>
          {label}
        </Button>
      )}
      <StepError form={form} compact={compact} />
    </div>
  );
}
