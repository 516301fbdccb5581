import { Timeline } from "@/components/ui/timeline";
import type { NeedState } from "@/lib/generated/prisma/enums";
import { NEED_STATE_LABEL } from "@/lib/labels";

type Step = { id: string; fromState: NeedState | null; toState: NeedState; at: Date; actorName: string; comment: string | null };

const VERB: Partial<Record<NeedState, string>> = {
  DRAFT: "填报草稿", SUBMITTED: "提交审核", OPEN: "审核通过", RETURNED: "退回修改", REJECTED: "不予通过", CANCELLED: "撤销需求",
};

/** The need's history, oldest first: who did what, when, and why. */
export function NeedTimeline({ steps }: { steps: Step[] }) {
  const items = steps.map((s) => ({
    key: s.id, at: s.at, label: VERB[s.toState] ?? `变为“${NEED_STATE_LABEL[s.toState]}”`, by: s.actorName, detail: s.comment,
  }));
  return <Timeline label="办理过程" items={items} empty="暂无办理记录。" />;
}
