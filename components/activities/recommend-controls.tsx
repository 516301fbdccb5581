"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { moveRankAction, revokeRecommendationAction, submitRankingAction } from "@/lib/activities/actions";

/** Move a recommendation up or down in the channel's ranking; revoke it (with a reason). */
export function RankControls({ activityId, title, first, last, disabled }: { activityId: string; title: string; first: boolean; last: boolean; disabled: boolean }) {
  const move = useFormAction(moveRankAction);
  const revoke = useFormAction(revokeRecommendationAction);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        {(["up", "down"] as const).map((direction) => (
          <form key={direction} onSubmit={move.onSubmit}>
            <input type="hidden" name="activityId" value={activityId} />
            <input type="hidden" name="direction" value={direction} />
            <Button type="submit" size="sm" variant="secondary" disabled={disabled || move.pending || (direction === "up" ? first : last)}
              aria-label={`${title}${direction === "up" ? "上移" : "下移"}一位`}>
              {direction === "up" ? "上移" : "下移"}
            </Button>
          </form>
        ))}
        {!disabled && (
          <ConfirmButton form={revoke} fields={{ activityId }} label="撤回" ariaLabel={`撤回推荐：${title}`} size="sm" compact
            reason={{ label: "撤回原因", required: true }} confirm="确认撤回" />
        )}
      </div>
      <FieldError errors={move.error} compact alert />
    </div>
  );
}

/** Submit the ranked list to the ministry. */
export function SubmitRanking({ planId, count, disabled }: { planId: string; count: number; disabled: boolean }) {
  const submit = useFormAction(submitRankingAction);
  return (
    <div className="space-y-2">
      <ConfirmButton form={submit} fields={{ planId }} label="报送推荐名单" variant="primary" disabled={disabled || count === 0}
        question={`将按当前排序报送 ${count} 项推荐给人社部。推荐截止前仍可调整并重新报送。确认报送？`} confirm="确认报送" />
      {submit.done && <Outcome state={submit.state} />}
    </div>
  );
}
