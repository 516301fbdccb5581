"use client";
import { DecisionButtons } from "@/components/ui/decision-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { decideProfileChangeAction } from "@/lib/experts/actions";
import type { PendingProfileChange } from "@/lib/experts/queries";
import { formatDateTime } from "@/lib/format";

/**
 * The expert's change to name, title, talent categories or employer, held until the province decides: the old values
 * stay in force. The province approves (the new values take effect) or returns it with a reason.
 */
export function ProfileChangePanel({ change, canDecide, expertName }: { change: PendingProfileChange; canDecide: boolean; expertName: string }) {
  const decide = useFormAction(decideProfileChangeAction);
  return (
    <div id={`profile-change-${change.id}`} className="space-y-3">
      <p className="text-sm text-slate-600">
        {formatDateTime(change.createdAt)} 提交。审核通过前，平台仍按原信息匹配和展示。
      </p>
      <table className="w-full text-sm">
        <caption className="sr-only">待审核的信息变更</caption>
        <thead>
          <tr className="text-left text-slate-500"><th scope="col" className="py-1 pr-4 font-medium">项目</th><th scope="col" className="py-1 pr-4 font-medium">原信息（现行）</th><th scope="col" className="py-1 font-medium">申请改为</th></tr>
        </thead>
        <tbody>
          {change.items.map((i) => (
            <tr key={i.field} className="border-t border-slate-100">
              <th scope="row" className="py-1 pr-4 text-left font-normal text-slate-700">{i.label}</th>
              <td className="py-1 pr-4">{i.from}</td>
              <td className="py-1 font-medium text-slate-900">{i.to}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {canDecide && (decide.done ? (
        <p role="status" className="text-sm text-emerald-800">{decide.state?.ok ? decide.state.message : null}</p>
      ) : (
        <DecisionButtons form={decide} fields={{ changeId: change.id }}
          decisions={[
            {
              value: "approve", label: "通过变更", ariaLabel: `通过 ${expertName} 的信息变更`, formLabel: `通过 ${expertName} 的信息变更`,
              tone: "neutral", question: "通过后新信息立即生效，并用于匹配和展示。确认通过？", confirm: "确认通过",
            },
            {
              value: "reject", label: "不予通过", ariaLabel: `不通过 ${expertName} 的信息变更`, formLabel: `不通过 ${expertName} 的信息变更`,
              variant: "secondary", tone: "neutral", reason: { label: "不通过的原因（将告知专家）" }, confirm: "确认不予通过", confirmVariant: "danger",
            },
          ]} />
      ))}
    </div>
  );
}
