import type { Metadata } from "next";
import { DecideForm, WithdrawForm } from "@/components/commendations/commendation-forms";
import { FiguresView } from "@/components/commendations/figures";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { commendationActions, commendationInScope } from "@/lib/commendations/queries";
import { formatDateTime } from "@/lib/format";
import { COMMENDATION_STATE_LABEL, PROFESSIONAL_TITLE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "表彰推荐" };

export default async function CommendationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record: c } = await loadInScope({ path: `/commendations/${id}`, ...commendationInScope(id) });
  const allowed = commendationActions(user, c);
  return (
    <>
      <PageHeader
        title={`表彰推荐：${c.expertName}（${c.year} 年度）`}
        subtitle={<>{c.employer} · {PROFESSIONAL_TITLE_LABEL[c.title]} · {c.place} · <Badge tone={c.state === "APPROVED" ? "success" : c.state === "REJECTED" ? "danger" : c.state === "PENDING" ? "warning" : "neutral"}>{COMMENDATION_STATE_LABEL[c.state]}</Badge></>}
      />
      <div className="space-y-6">
        <Card title="推荐依据：服务数据（推荐时冻结）">
          <FiguresView figures={c.figures} year={c.year} />
        </Card>
        <Card title="推荐">
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-[8rem_1fr]">
            <dt className="font-medium text-slate-600">推荐理由</dt><dd className="whitespace-pre-line">{c.reason}</dd>
            <dt className="font-medium text-slate-600">优先推荐</dt><dd>{c.priority ? "是（列入人才项目优先推荐名单）" : "否"}</dd>
            <dt className="font-medium text-slate-600">推荐人</dt><dd>{c.nominatedBy ?? "—"} · {formatDateTime(c.nominatedAt)}</dd>
            {c.decidedAt && <><dt className="font-medium text-slate-600">审定</dt><dd>{c.decidedBy ?? "—"} · {formatDateTime(c.decidedAt)}</dd></>}
            {c.decisionComment && <><dt className="font-medium text-slate-600">{c.state === "WITHDRAWN" ? "撤回原因" : "审定意见"}</dt><dd>{c.decisionComment}</dd></>}
          </dl>
        </Card>
        {(allowed.approve || allowed.reject) && (
          <Card title="审定"><DecideForm commendationId={c.id} version={c.version} /></Card>
        )}
        {allowed.withdraw && (
          <Card title="撤回"><WithdrawForm commendationId={c.id} version={c.version} /></Card>
        )}
      </div>
    </>
  );
}
