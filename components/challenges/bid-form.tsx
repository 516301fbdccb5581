"use client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Select, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { TEAM_ROLES } from "@/lib/activities/schemas";
import { submitBidAction } from "@/lib/challenges/actions";
import { MAX_MEMBERS, MAX_MILESTONES } from "@/lib/challenges/schemas";

export type MemberChoice = { id: string; name: string; employer: string };
export type SuggestedMember = { expertId: string; name: string; role: string; employer: string };

const MEMBER_ROWS = Math.min(MAX_MEMBERS, 5);
const MILESTONE_ROWS = Math.min(MAX_MILESTONES, 4);

/**
 * 揭榜: the proposal, the plan, the team (experts of the pool with their roles — prefilled with the matching engine's
 * suggestion) and the milestones. The lead is the signed-in expert.
 */
export function BidForm({ challengeId, choices, suggested }: { challengeId: string; choices: MemberChoice[]; suggested: SuggestedMember[] }) {
  const form = useFormAction(submitBidAction);
  const fe = form.fieldErrors;
  const memberErrors = Object.entries(fe).filter(([k]) => k.startsWith("members")).flatMap(([, v]) => v);
  const milestoneErrors = Object.entries(fe).filter(([k]) => k.startsWith("milestones")).flatMap(([, v]) => v);
  return (
    <form onSubmit={form.onSubmit} className="space-y-4" aria-label="揭榜方案" noValidate>
      <input type="hidden" name="challengeId" value={challengeId} />
      <FormField id="bid-proposal" label="揭榜方案" hint="技术路线、已有基础和把握" errors={fe.proposal}>
        {(a) => <Textarea {...a} name="proposal" rows={5} maxLength={3000} required />}
      </FormField>
      <FormField id="bid-plan" label="实施计划" hint="分阶段安排、投入和保障" errors={fe.plan}>
        {(a) => <Textarea {...a} name="plan" rows={3} maxLength={2000} required />}
      </FormField>
      <Card title="团队成员（专家库）">
        <p className="mb-2 text-sm text-slate-600">
          您是团队负责人。{suggested.length ? "已按匹配引擎的推荐预填（博士后、导师、专家搭配），可调整；" : ""}不用的行留空。成员须在专家库中且在攻关期间可服务。
        </p>
        <fieldset aria-describedby={memberErrors.length ? "members-error" : undefined}>
          <legend className="sr-only">团队成员</legend>
          <div className="space-y-2">
            {Array.from({ length: MEMBER_ROWS }, (_, i) => {
              const s = suggested[i];
              return (
                <div key={i} className="grid gap-2 sm:grid-cols-3">
                  <label className="sr-only" htmlFor={`member-${i}`}>第 {i + 1} 位成员</label>
                  <Select id={`member-${i}`} name="memberIds" defaultValue={s?.expertId ?? ""} className="sm:col-span-2">
                    <option value="">（不选）</option>
                    {choices.map((c) => <option key={c.id} value={c.id}>{c.name}（{c.employer}）</option>)}
                  </Select>
                  <label className="sr-only" htmlFor={`member-role-${i}`}>第 {i + 1} 位成员的角色</label>
                  <Select id={`member-role-${i}`} name="memberRoles" defaultValue={s?.role ?? "专家"}>
                    {TEAM_ROLES.map((r) => <option key={r} value={r}>{r}</option>)}
                  </Select>
                </div>
              );
            })}
          </div>
          <FieldError id="members-error" errors={memberErrors} className="mt-1" />
        </fieldset>
      </Card>
      <Card title="里程碑">
        <fieldset aria-describedby={milestoneErrors.length ? "milestones-error" : undefined}>
          <legend className="text-sm text-slate-600">至少一个；挂帅后按里程碑报送进展、接受中期检查。</legend>
          <div className="mt-2 space-y-2">
            {Array.from({ length: MILESTONE_ROWS }, (_, i) => (
              <div key={i} className="grid gap-2 sm:grid-cols-3">
                <label className="sr-only" htmlFor={`ms-title-${i}`}>第 {i + 1} 个里程碑内容</label>
                <Input id={`ms-title-${i}`} name="milestoneTitles" placeholder={`第 ${i + 1} 个里程碑内容`} maxLength={100} className="sm:col-span-2" />
                <label className="sr-only" htmlFor={`ms-date-${i}`}>第 {i + 1} 个里程碑完成日期</label>
                <Input id={`ms-date-${i}`} name="milestoneDates" type="date" />
              </div>
            ))}
          </div>
          <FieldError id="milestones-error" errors={milestoneErrors} className="mt-1" />
        </fieldset>
      </Card>
      <Button type="submit" disabled={form.pending}>{form.pending ? "正在提交…" : "提交揭榜方案"}</Button>
      <Outcome state={form.state} />
    </form>
  );
}
