"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { stepPlanAction } from "@/lib/activities/actions";

type Allowed = { open: boolean; close: boolean; reopen: boolean; archive: boolean };

/** The ministry's steps on a plan: open, close, reopen (with a reason), archive. */
export function PlanSteps({ planId, version, allowed }: { planId: string; version: number; allowed: Allowed }) {
  const open = useFormAction(stepPlanAction);
  const close = useFormAction(stepPlanAction);
  const reopen = useFormAction(stepPlanAction);
  const archive = useFormAction(stepPlanAction);
  const fields = { planId, version };
  const done = [open, close, reopen, archive].find((f) => f.done);
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {allowed.open && (
          <form onSubmit={open.onSubmit}>
            <input type="hidden" name="planId" value={planId} /><input type="hidden" name="version" value={version} />
            <input type="hidden" name="step" value="open" /><input type="hidden" name="reason" value="" />
            <Button type="submit" disabled={open.pending}>开放申报</Button>
          </form>
        )}
        {allowed.close && (
          <ConfirmButton form={close} fields={{ ...fields, step: "close", reason: "" }} label="截止申报"
            question="截止后单位不能再提交申报（推荐仍可在推荐截止日前进行）。确认截止？" confirm="确认截止" />
        )}
        {allowed.reopen && (
          <ConfirmButton form={reopen} fields={{ ...fields, step: "reopen" }} label="重新开放申报"
            reason={{ label: "重新开放的原因", required: true }} confirm="确认重新开放" />
        )}
        {allowed.archive && (
          <ConfirmButton form={archive} fields={{ ...fields, step: "archive", reason: "" }} label="归档"
            question="归档后计划不能再修改。确认归档？" confirm="确认归档" />
        )}
      </div>
      {open.error && <Outcome state={open.state} />}
      {done && <Outcome state={done.state} />}
    </div>
  );
}
