"use client";
import { Button, LinkButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { DecisionForm } from "@/components/ui/decision-form";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  approveLocalAction, channelDecisionAction, revokeRecommendationAction, submitApplicationAction,
} from "@/lib/activities/actions";

type Allowed = { edit: boolean; submit: boolean; recommend: boolean; return: boolean; decline: boolean; revoke: boolean; approveLocal: boolean };

/** The applicant's steps: edit, submit. */
export function ApplicantActions({ activityId, version, allowed }: { activityId: string; version: number; allowed: Allowed }) {
  const submit = useFormAction(submitApplicationAction);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {allowed.edit && <LinkButton href={`/activities/${activityId}/edit`} variant="secondary">修改申报</LinkButton>}
        {allowed.submit && (
          <form onSubmit={submit.onSubmit}>
            <input type="hidden" name="activityId" value={activityId} />
            <input type="hidden" name="version" value={version} />
            <Button type="submit" disabled={submit.pending}>{submit.pending ? "正在提交…" : "提交申报"}</Button>
          </form>
        )}
      </div>
      <Outcome state={submit.state} />
    </div>
  );
}

/** The channel's pre-review: recommend, return (reason), decline (reason); revoke a recommendation; approve a local activity. */
export function ChannelActions({ activityId, version, allowed }: { activityId: string; version: number; allowed: Allowed }) {
  const decide = useFormAction(channelDecisionAction);
  const revoke = useFormAction(revokeRecommendationAction);
  const approve = useFormAction(approveLocalAction);
  const decisions = [
    ...(allowed.recommend ? [{ value: "recommend", label: "推荐（按推荐顺序排在最后）" }] : []),
    ...(allowed.return ? [{ value: "return", label: "退回修改", reasonRequired: true, danger: true }] : []),
    ...(allowed.decline ? [{ value: "decline", label: "不予推荐", reasonRequired: true, danger: true }] : []),
  ];
  return (
    <div className="space-y-3">
      {decisions.length > 0 && !decide.done && (
        <DecisionForm form={decide} fields={{ activityId, version }} name="decision" legend="预审结论" initial={decisions[0].value}
          decisions={decisions} reason={{ id: "channel-reason", label: "预审意见", required: "将告知申报单位" }}
          submit="确认" pendingLabel="正在保存…" formLabel="预审" />
      )}
      {decide.done && <Outcome state={decide.state} />}
      {allowed.approveLocal && (
        <div className="flex flex-wrap gap-2">
          <ConfirmButton form={approve} fields={{ activityId, version }} label="批准实施（地方活动）" variant="primary"
            question="批准后活动进入实施阶段。确认批准？" confirm="确认批准" />
        </div>
      )}
      {approve.done && <Outcome state={approve.state} />}
      {allowed.revoke && (
        <div className="flex flex-wrap gap-2">
          <ConfirmButton form={revoke} fields={{ activityId, version }} label="撤回推荐"
            reason={{ label: "撤回原因", required: true }} question="撤回后该申报回到待推荐，名额释放。" confirm="确认撤回" />
        </div>
      )}
      {revoke.done && <Outcome state={revoke.state} />}
    </div>
  );
}
