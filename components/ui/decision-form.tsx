"use client";
import { useId, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import {
  ConfirmStep, StepError, useSteps, type HiddenFields, type StepSpec, type TriggerSpec,
} from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Textarea } from "@/components/ui/form-field";
import type { FormAction } from "@/components/ui/use-form-action";

/** A decision offered as a button: sent at once (`direct`) or after its own step (a confirmation, a reason). */
export type StepDecision = TriggerSpec & StepSpec & { value: string; direct?: boolean };

type ButtonsProps = {
  form: FormAction;
  fields: HiddenFields;
  /** The field the decision is sent as. */
  name?: string;
  decisions: StepDecision[];
  /** Shown beside the buttons (why one is disabled, say). */
  note?: ReactNode;
  size?: "sm" | "md";
};

/**
 * Decisions on one record as buttons (同意 / 不同意, 接受 / 婉拒 …): each either acts at once or opens its step,
 * which replaces the buttons until it is cancelled or succeeds.
 */
export function DecisionButtons({ form, fields, name = "decision", decisions, note, size = "sm" }: ButtonsProps) {
  const id = useId();
  const steps = useSteps(form);
  const open = decisions.find((d) => d.value === steps.current);
  return (
    <div className="space-y-2">
      {open ? (
        <ConfirmStep form={form} fields={fields} spec={open} decision={{ name, value: open.value }} id={`${id}-${open.value}`}
          onCancel={steps.cancel} />
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          {decisions.map((d, i) =>
            d.direct ? (
              <form key={d.value} onSubmit={form.onSubmit}>
                {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
                <input type="hidden" name={name} value={d.value} />
                <Button type="submit" size={size} variant={d.variant ?? (i ? "secondary" : "primary")} disabled={d.disabled || form.pending}
                  aria-label={d.ariaLabel}>
                  {d.label}
                </Button>
              </form>
            ) : (
              <Button key={d.value} size={size} variant={d.variant ?? (i ? "secondary" : "primary")} disabled={d.disabled || form.pending}
                aria-label={d.ariaLabel} onClick={() => steps.open(d.value)} autoFocus={steps.refocus(d.value)}>
                {d.label}
              </Button>
            ),
          )}
          {note}
        </div>
      )}
      <StepError form={form} />
    </div>
  );
}

/** A decision offered as a radio button; `reasonRequired` when choosing it needs the reason. */
export type RadioDecision = { value: string | number; label: string; reasonRequired?: boolean; danger?: boolean };

type DecisionFormProps = {
  form: FormAction;
  fields: HiddenFields;
  /** The field the decision is sent as. */
  name: string;
  legend: string;
  decisions: RadioDecision[];
  /** The decision chosen at first (none: the user must choose). */
  initial?: RadioDecision["value"];
  /** The reason: its field, and its label, completed as 「label（必填，required）」 or 「label（可选）」. */
  reason: { id: string; name?: string; label: string; required: string; rows?: number; maxLength?: number };
  submit: string;
  pendingLabel: string;
  formLabel?: string;
  /** Further fields between the decision and the reason (a questionnaire's other questions). */
  extra?: ReactNode;
};

/**
 * Decide with a reason: radio buttons for the decision and one reason field, required for some decisions (the label
 * says so as the choice changes); the submit button turns red for a decision marked `danger`.
 */
export function DecisionForm({ form, fields, name, legend, decisions, initial, reason, submit, pendingLabel, formLabel, extra }: DecisionFormProps) {
  const [chosen, setChosen] = useState(initial);
  const decision = decisions.find((d) => d.value === chosen);
  const errorId = `${reason.id}-${name}-error`;
  const reasonName = reason.name ?? "reason";
  return (
    <form onSubmit={form.onSubmit} className="space-y-3" aria-label={formLabel} noValidate>
      {Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      <fieldset aria-describedby={form.fieldErrors[name] ? errorId : undefined}>
        <legend className="text-sm font-medium text-slate-700">{legend}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {decisions.map((d) => (
            <label key={d.value} className="inline-flex items-center gap-2 text-sm">
              <input type="radio" name={name} value={d.value} checked={chosen === d.value} onChange={() => setChosen(d.value)} /> {d.label}
            </label>
          ))}
        </div>
        <FieldError id={errorId} errors={form.fieldErrors[name]} className="mt-1" />
      </fieldset>
      {extra}
      <FormField id={reason.id} label={`${reason.label}（${decision?.reasonRequired ? `必填，${reason.required}` : "可选"}）`}
        errors={form.fieldErrors[reasonName]}>
        {(a) => (
          <Textarea {...a} name={reasonName} rows={reason.rows ?? 3} maxLength={reason.maxLength ?? 500}
            required={decision?.reasonRequired} className="min-h-20" />
        )}
      </FormField>
      <Button type="submit" variant={decision?.danger ? "danger" : "primary"} disabled={form.pending}>
        {form.pending ? pendingLabel : submit}
      </Button>
      <StepError form={form} />
    </form>
  );
}
