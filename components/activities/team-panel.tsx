"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { addTeamMemberAction, proposeTeamAction, removeTeamMemberAction } from "@/lib/activities/actions";
import { TEAM_ROLES } from "@/lib/activities/schemas";

type Member = { id: string; role: string; expert: { id: string; name: string; title: string; employer: string; maxConcurrent: number; activeEngagements: number } };
type PoolRow = { id: string; name: string; title: string; employer: string; maxConcurrent: number; activeEngagements: number; suggestedRole: string };

/** The planned team: the members (removable while editable), the engine's proposal for the whole team, adding one by one. */
export function TeamPanel({ activityId, members, editable, pool, plannedExperts, titleLabel, q }: {
  activityId: string; members: Member[]; editable: boolean; pool: PoolRow[]; plannedExperts: number;
  titleLabel: Record<string, string>; q: string;
}) {
  const propose = useFormAction(proposeTeamAction);
  return (
    <div className="space-y-4">
      {members.length === 0 ? <p className="text-sm text-slate-600">尚未组建团队。</p> : (
        <ul className="divide-y divide-slate-100">
          {members.map((m) => <MemberRow key={m.id} activityId={activityId} member={m} editable={editable} titleLabel={titleLabel} />)}
        </ul>
      )}
      {editable && (
        <>
          <form onSubmit={propose.onSubmit} className="flex flex-wrap items-end gap-2 rounded-md bg-brand-50 p-3 ring-1 ring-brand-100" aria-label="匹配引擎推荐团队">
            <input type="hidden" name="activityId" value={activityId} />
            <label className="text-sm text-slate-700" htmlFor="team-size">团队人数</label>
            <Input id="team-size" name="size" type="number" min={1} max={30} defaultValue={Math.max(1, plannedExperts || 3)} className="w-20" />
            <Button type="submit" disabled={propose.pending}>{propose.pending ? "正在匹配…" : "按关联需求智能组队"}</Button>
            <p className="basis-full text-xs text-slate-600">匹配引擎按关联需求一次推荐整个团队，只选有空余服务名额、活动期间可服务的专家，并满足项目的团队构成要求；推荐结果将替换当前团队。</p>
          </form>
          <Outcome state={propose.state} />
          {propose.state?.ok && (propose.state.data as { mix: string | null }).mix && <p className="text-sm text-amber-800">{(propose.state.data as { mix: string }).mix}</p>}
          <form method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="从专家库选择专家">
            <label className="text-sm text-slate-700" htmlFor="pool-q">从专家库选择</label>
            <Input id="pool-q" name="q" type="search" defaultValue={q} placeholder="姓名或单位" className="w-48" />
            <Button type="submit" variant="secondary">查找</Button>
          </form>
          {q && pool.length === 0 && <p className="text-sm text-slate-600">没有找到可服务的专家。</p>}
          {pool.length > 0 && (
            <ul className="divide-y divide-slate-100">
              {pool.map((e) => <PoolRowForm key={e.id} activityId={activityId} expert={e} titleLabel={titleLabel} />)}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function MemberRow({ activityId, member, editable, titleLabel }: { activityId: string; member: Member; editable: boolean; titleLabel: Record<string, string> }) {
  const remove = useFormAction(removeTeamMemberAction);
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
      <span><span className="font-medium">{member.expert.name}</span>（{member.role}）{titleLabel[member.expert.title]} · {member.expert.employer}</span>
      {editable && (
        <ConfirmButton form={remove} fields={{ activityId, memberId: member.id }} label="移出" ariaLabel={`将${member.expert.name}移出团队`}
          size="sm" compact question="确认移出？" confirm="移出" />
      )}
    </li>
  );
}

function PoolRowForm({ activityId, expert, titleLabel }: { activityId: string; expert: PoolRow; titleLabel: Record<string, string> }) {
  const add = useFormAction(addTeamMemberAction);
  const free = expert.maxConcurrent - expert.activeEngagements;
  return (
    <li className="py-2 text-sm">
      <form onSubmit={add.onSubmit} className="flex flex-wrap items-center gap-2">
        <input type="hidden" name="activityId" value={activityId} />
        <input type="hidden" name="expertId" value={expert.id} />
        <span className="grow">{expert.name} · {titleLabel[expert.title]} · {expert.employer}（空余名额 {free}）</span>
        <EnumSelect name="role" aria-label={`${expert.name}的团队角色`} defaultValue={expert.suggestedRole} className="w-28"
          choices={TEAM_ROLES.map((r) => ({ value: r, label: r }))} />
        <Button type="submit" size="sm" disabled={add.pending} aria-label={`将${expert.name}加入团队`}>加入</Button>
      </form>
      <FieldError errors={add.error} compact alert />
    </li>
  );
}
