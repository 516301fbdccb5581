"use client";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DecisionButtons } from "@/components/ui/decision-form";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { decideAction, publishAction } from "@/lib/activities/selection-actions";

/** 入选 / 不入选, each with its required reason (recorded on the activity and its timeline). */
export function DecideButtons({ activityId, version, title, blocker }: { activityId: string; version: number; title: string; blocker: string | null }) {
  const decide = useFormAction(decideAction);
  if (decide.done) return <Outcome state={decide.state} success="已记录遴选决定" />;
  return (
    <DecisionButtons
      form={decide}
      fields={{ activityId, version }}
      decisions={[
        { value: "select", label: "入选", ariaLabel: `入选：${title}`, disabled: !!blocker, tone: "success", confirm: "确认入选", confirmVariant: "primary",
          reason: { label: "入选理由（必填）", required: true }, formLabel: `入选：${title}` },
        { value: "reject", label: "不入选", ariaLabel: `不入选：${title}`, tone: "warning", confirm: "确认不入选", confirmVariant: "danger",
          reason: { label: "不入选理由（必填）", required: true }, formLabel: `不入选：${title}` },
      ]}
      note={blocker && <span className="text-xs text-slate-600">{blocker}</span>}
    />
  );
}

export function PublishButton({ planId, version, blocker }: { planId: string; version: number; blocker: string | null }) {
  const publish = useFormAction(publishAction);
  if (publish.done) return <Outcome state={publish.state} />;
  return (
    <div className="space-y-2">
      <ConfirmButton form={publish} fields={{ planId, version }} label="公布遴选结果" variant="primary" disabled={!!blocker} tone="warning"
        formLabel="公布遴选结果" question="公布后入选名单在门户网站公开，遴选决定不能再更改。确认公布？" confirm="确认公布" />
      {blocker && <p className="text-sm text-slate-600">{blocker}</p>}
    </div>
  );
}
