import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/form-field";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { SEND_FORM_ID } from "@/components/batch/form-ids";
import { AddProposalButton, RemoveProposalButton } from "@/components/batch/proposal-edit";
import type { NeedState, Urgency } from "@/lib/generated/prisma/enums";
import { NEED_STATE_LABEL, URGENCY_LABEL } from "@/lib/labels";

export type ProposalGroup = {
  id: string; code: string; title: string; state: NeedState; urgency: Urgency; unitName: string; place: string;
  expertsWanted: number; seats: number;
  rows: { id: string; expertId: string; expertName: string; employer: string; place: string; eastern: boolean; score: number; explanation: string }[];
};

export type AddCandidate = { id: string; name: string; employer: string; place: string; eastern: boolean; blockedBy: string | null };

const EastBadge = ({ eastern }: { eastern: boolean }) => (eastern ? <Badge tone="brand">东部</Badge> : null);

/** The "add an expert by hand" search of one need (GET, so the results come with the page). */
function AddExpert({ group, page, open, query, candidates }: { group: ProposalGroup; page: number; open: boolean; query?: string; candidates: AddCandidate[] }) {
  const inputId = `expertQ-${group.id}`;
  return (
    <div className="mt-3 space-y-2">
      <form method="get" action="/matching/batch/proposal" role="search" aria-label={`为需求 ${group.code} 查找专家`} className="flex flex-wrap items-end gap-2">
        <input type="hidden" name="addTo" value={group.id} />
        {page > 1 && <input type="hidden" name="page" value={page} />}
        <div>
          <label htmlFor={inputId} className="block text-xs text-slate-600">手工添加专家（姓名、单位或专长）</label>
          <Input id={inputId} name="expertQ" type="search" maxLength={60} defaultValue={open ? query : undefined} className="mt-1 w-64" />
        </div>
        <Button type="submit" size="sm" variant="secondary">查找</Button>
      </form>
      {open && query && (
        candidates.length === 0 ? (
          <p className="text-sm text-slate-600">没有找到可见的专家（本省专家及其他省份开放共享的专家）。请换个关键词。</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-md ring-1 ring-slate-200" aria-label={`需求 ${group.code} 的候选专家`}>
            {candidates.map((c) => (
              <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2 text-sm">
                <span className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{c.name}</span>
                  <span className="text-slate-600">{c.employer} · {c.place}</span>
                  <EastBadge eastern={c.eastern} />
                </span>
                {c.blockedBy ? <span className="text-xs text-slate-500">不可列入：{c.blockedBy}</span> : <AddProposalButton needId={group.id} expertId={c.id} expertName={c.name} />}
              </li>
            ))}
          </ul>
        )
      )}
    </div>
  );
}

/** The proposal, one section per need; each row's checkbox belongs to the send form (checked by default). */
export function ProposalGroups({ groups, page, addTo, query, candidates }: {
  groups: ProposalGroup[]; page: number; addTo?: string; query?: string; candidates: AddCandidate[];
}) {
  return (
    <div className="space-y-4">
      {groups.map((g) => (
        <section key={g.id} aria-labelledby={`need-${g.id}`} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
          <header className="mb-3 flex flex-wrap items-center gap-2">
            <h2 id={`need-${g.id}`} className="text-base font-semibold text-slate-800">
              <Link href={`/needs/${g.id}`} className="text-brand-700 underline-offset-2 hover:underline">{g.title}</Link>
            </h2>
            <span className="font-mono text-xs text-slate-500">{g.code}</span>
            <Badge tone={toneOf(g.state)}>{NEED_STATE_LABEL[g.state]}</Badge>
            {g.urgency === "HIGH" && <Badge tone="danger">{URGENCY_LABEL[g.urgency]}</Badge>}
            <span className="text-sm text-slate-600">{g.unitName} · {g.place} · 剩余名额 {g.seats} / {g.expertsWanted}</span>
            {g.rows.length > g.seats && <Badge tone="warning">方案人数超过剩余名额</Badge>}
          </header>
          <Table caption={`需求 ${g.code} 的分配方案`}>
            <THead>
              <tr><Th>发送</Th><Th>专家</Th><Th>工作单位</Th><Th>所在地区</Th><Th>匹配度</Th><Th>推荐理由</Th><Th><span className="sr-only">操作</span></Th></tr>
            </THead>
            <TBody>
              {g.rows.map((r) => (
                <tr key={r.id}>
                  <Td>
                    <input type="checkbox" form={SEND_FORM_ID} name="matchIds" value={r.id} defaultChecked aria-label={`发送邀请：${r.expertName}（需求 ${g.code}）`} />
                  </Td>
                  <Td className="whitespace-nowrap"><Link href={`/experts/${r.expertId}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{r.expertName}</Link></Td>
                  <Td>{r.employer}</Td>
                  <Td><span className="inline-flex flex-wrap items-center gap-1">{r.place} <EastBadge eastern={r.eastern} /></span></Td>
                  <Td className="whitespace-nowrap font-mono">{r.score.toFixed(3)}</Td>
                  <Td className="text-slate-700">{r.explanation || "—"}</Td>
                  <Td className="whitespace-nowrap"><RemoveProposalButton matchId={r.id} expertName={r.expertName} /></Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <AddExpert group={g} page={page} open={addTo === g.id} query={query} candidates={addTo === g.id ? candidates : []} />
        </section>
      ))}
    </div>
  );
}
