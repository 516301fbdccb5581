"use client";
import { DecisionButtons } from "@/components/ui/decision-form";
import { useFormAction } from "@/components/ui/use-form-action";
import { decideTeamAction } from "@/lib/engagements/actions";

/** The unit's decision on an expert who accepted: confirm (asked first) or decline with a reason. */
export function TeamActions({ matchId, version, expertName }: { matchId: string; version: number; expertName: string }) {
  const decide = useFormAction(decideTeamAction);
  if (decide.state?.ok) {
    return <p role="status" className="text-sm text-emerald-800">{decide.state.data.engagementId ? `已确认 ${expertName} 加入专家团队` : `已不予确认 ${expertName}`}</p>;
  }
  return (
    <DecisionButtons form={decide} fields={{ matchId, version }}
      decisions={[
        {
          value: "confirm", label: "确认加入团队", ariaLabel: `确认 ${expertName} 加入团队`, formLabel: `确认 ${expertName}`, tone: "brand",
          question: `确认后 ${expertName} 加入专家团队，双方开始商定工作方案；确认后不能撤销。`, pendingLabel: "正在确认…",
        },
        {
          value: "release", label: "不予确认", ariaLabel: `不予确认 ${expertName}`, formLabel: `不予确认 ${expertName}`, variant: "secondary",
          tone: "neutral", reason: { label: "不予确认的原因（将告知专家和省级管理员）" }, confirm: "确认不予确认", confirmVariant: "danger",
        },
      ]} />
  );
}
