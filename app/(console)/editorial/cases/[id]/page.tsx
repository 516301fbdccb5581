import type { Metadata } from "next";
import Link from "next/link";
import { CaseForm, CaseImages, RefreshFigures, ReopenCase, ReviewCase, SubmitCase, WithdrawCase } from "@/components/cases/case-forms";
import { CaseFigureTiles } from "@/components/portal/case-figures";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Timeline } from "@/components/ui/timeline";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { caseContext, caseInScope } from "@/lib/cases/queries";
import { sanitizeStory } from "@/lib/cases/sanitize";
import { CASE_WORKFLOW } from "@/lib/cases/workflow";
import { formatDate } from "@/lib/format";
import { BASE_FIELD_LABEL, CASE_SOURCE_LABEL, CASE_STATE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "典型案例" };

export default async function EditorialCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record: c } = await loadInScope({ path: `/editorial/cases/${id}`, ...caseInScope(id) });
  const ctx = await caseContext(c);
  const may = CASE_WORKFLOW.allowed(user, c.state, { provinceCode: c.provinceCode });
  const ownCase = c.authorId === user.id;
  const images = ctx.images.map((i) => ({ id: i.id, fileName: i.fileName }));
  return (
    <div className="space-y-6">
      <PageHeader title={c.title} subtitle={<span className="inline-flex flex-wrap items-center gap-2">
        <Badge tone={c.state === "PUBLISHED" ? "success" : c.state === "SUBMITTED" ? "warning" : "neutral"}>{CASE_STATE_LABEL[c.state]}</Badge>
        <span>撰写人：{ctx.nameOf.get(c.authorId) ?? "—"}</span>
        {ctx.regionName && <span>地区：{ctx.regionName}</span>}
        {c.state === "PUBLISHED" && <Link href={`/cases/${c.id}`} className="text-brand-700 underline">在门户网站查看</Link>}
      </span>} />
      <p className="text-sm"><Link href="/editorial/cases" className="text-brand-700 underline underline-offset-2">返回案例列表</Link></p>

      {c.state === "RETURNED" && c.reviewComment && <p role="note" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">退回意见：{c.reviewComment}</p>}
      {c.state === "WITHDRAWN" && <p role="note" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">撤回原因：{c.withdrawReason}</p>}

      <Card title="来源与数据">
        {ctx.source ? (
          <div className="space-y-2 text-sm">
            <p>{CASE_SOURCE_LABEL[ctx.source.kind]}：<Link href={ctx.source.href} className="text-brand-700 underline">{ctx.source.title}</Link></p>
            <p className="text-slate-700">入选理由：{ctx.source.verdict.reasons.join("；") || "—"}</p>
          </div>
        ) : <p className="text-sm text-slate-600">无关联来源</p>}
        <div className="mt-4"><CaseFigureTiles figures={ctx.figures} /></div>
        <p className="mt-2 text-xs text-slate-600">数据取自来源已确认的服务记录{c.figuresAt ? `，更新于 ${formatDate(c.figuresAt)}` : ""}。</p>
        {may.edit && <div className="mt-3"><RefreshFigures caseId={c.id} version={c.version} /></div>}
      </Card>

      {may.edit ? (
        <>
          <Card title="案例内容"><CaseForm c={c} images={images} /></Card>
          <Card title="图片"><CaseImages caseId={c.id} images={images} /></Card>
        </>
      ) : (
        <Card title="案例内容">
          <p className="text-sm text-slate-700">{c.summary}</p>
          <p className="mt-2 flex flex-wrap gap-1">
            {c.field && <Badge tone="brand">{BASE_FIELD_LABEL[c.field]}</Badge>}
            {c.forms.map((f) => <Badge key={f}>{SERVICE_FORM_LABEL[f]}</Badge>)}
            {c.replicable && <Badge tone="success">可复制推广</Badge>}
          </p>
          <div className="case-story mt-4 text-sm" dangerouslySetInnerHTML={{ __html: sanitizeStory(c.body) }} />
        </Card>
      )}

      {(may.submit || may.publish || may.withdraw || may.reopen) && (
        <Card title="办理">
          <div className="space-y-3">
            {may.submit && <SubmitCase caseId={c.id} version={c.version} />}
            {may.publish && (ownCase
              ? <p className="text-sm text-slate-600">本案例由您撰写，需由其他审核人审核。</p>
              : <ReviewCase caseId={c.id} version={c.version} />)}
            {may.withdraw && <WithdrawCase caseId={c.id} version={c.version} />}
            {may.reopen && <ReopenCase caseId={c.id} version={c.version} />}
          </div>
        </Card>
      )}

      <Card title="办理记录">
        <Timeline label="案例办理记录" items={c.events.map((e) => ({ key: e.id, at: e.createdAt, label: e.action, by: e.actorId ? ctx.nameOf.get(e.actorId) : null, detail: e.comment }))} />
      </Card>
    </div>
  );
}
