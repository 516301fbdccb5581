import { formatDateTime, isoOf } from "@/lib/format";
import type { NeedState } from "@/lib/generated/prisma/enums";
import { NEED_STATE_LABEL } from "@/lib/labels";

type Step = { id: string; fromState: NeedState | null; toState: NeedState; at: Date; actorName: string; comment: string | null };

const VERB: Partial<Record<NeedState, string>> = {
  DRAFT: "填报草稿", SUBMITTED: "提交审核", OPEN: "审核通过", RETURNED: "退回修改", REJECTED: "不予通过", CANCELLED: "撤销需求",
};

/** The need's history, oldest first: who did what, when, and why. */
export function NeedTimeline({ steps }: { steps: Step[] }) {
  if (!steps.length) return <p className="text-sm text-slate-600">暂无办理记录。</p>;
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-5" aria-label="办理过程">
      {steps.map((s) => (
        <li key={s.id} className="relative">
          <span className="absolute -left-[26px] top-1.5 h-2.5 w-2.5 rounded-full bg-brand-600" aria-hidden="true" />
          <p className="text-sm">
            <span className="font-medium text-slate-800">{VERB[s.toState] ?? `变为“${NEED_STATE_LABEL[s.toState]}”`}</span>
            <span className="ml-2 text-slate-600">{s.actorName}</span>
          </p>
          <p className="text-xs text-slate-600"><time dateTime={isoOf(s.at)}>{formatDateTime(s.at)}</time></p>
          {s.comment && <p className="mt-1 rounded bg-slate-50 px-2 py-1 text-sm text-slate-700 ring-1 ring-slate-200">{s.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
