"use client";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DecisionButtons, DecisionForm } from "@/components/ui/decision-form";
import { EnumSelect } from "@/components/ui/enum-select";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  annualReportAction, evaluateAction, issueRectificationAction, nationalDecisionAction, reEvaluateAction,
  respondRectificationAction, reviewBaseAction, submitApplicationAction,
} from "@/lib/bases/actions";
import { EVALUATION_GRADE_LABEL } from "@/lib/labels";

const SCORE_FIELDS = [
  ["scoreActivities", "服务活动"], ["scoreExperts", "专家组织"], ["scoreTraining", "人才培养"], ["scoreManagement", "管理制度"],
] as const;

/** The host submits a complete draft (or a returned application) for the province's review. */
export function SubmitApplication({ baseId, version }: { baseId: string; version: number }) {
  const submit = useFormAction(submitApplicationAction);
  return (
    <div className="space-y-2">
      <form onSubmit={submit.onSubmit}>
        <input type="hidden" name="baseId" value={baseId} />
        <input type="hidden" name="version" value={version} />
        <Button type="submit" disabled={submit.pending}>{submit.pending ? "正在提交…" : "提交申请"}</Button>
      </form>
      <Outcome state={submit.state} />
      {submit.fieldErrors && Object.keys(submit.fieldErrors).length > 0 && (
        <ul className="list-disc pl-5 text-sm text-red-700">{Object.values(submit.fieldErrors).flat().map((m) => <li key={m}>{m}</li>)}</ul>
      )}
    </div>
  );
}

/** The province's review: approve (a national base goes on to the ministry), return or reject with a reason. */
export function ReviewBaseForm({ baseId, version, national }: { baseId: string; version: number; national: boolean }) {
  const review = useFormAction(reviewBaseAction);
  return (
    <Card title="省级审核">
      <DecisionForm form={review} fields={{ baseId, version }} name="decision" legend="审核结论" initial="approve" formLabel="省级审核"
        decisions={[
          { value: "approve", label: national ? "审核通过（报部级审定）" : "审核通过（设立基地）" },
          { value: "return", label: "退回修改", reasonRequired: true, danger: true },
          { value: "reject", label: "不予通过", reasonRequired: true, danger: true },
        ]}
        reason={{ id: "review-reason", label: "审核意见", required: "将告知依托单位" }}
        submit="确认" pendingLabel="正在保存…" />
      {review.done && <Outcome state={review.state} />}
    </Card>
  );
}

/** The ministry's decision on a national base the province approved. */
export function NationalDecisionForm({ baseId, version }: { baseId: string; version: number }) {
  const decide = useFormAction(nationalDecisionAction);
  return (
    <Card title="部级审定">
      <DecisionForm form={decide} fields={{ baseId, version }} name="decision" legend="审定结论" initial="approveNational" formLabel="部级审定"
        decisions={[
          { value: "approveNational", label: "审定设立国家级基地" },
          { value: "rejectNational", label: "不予设立", reasonRequired: true, danger: true },
        ]}
        reason={{ id: "national-reason", label: "审定意见", required: "将告知依托单位" }}
        submit="确认" pendingLabel="正在保存…" />
      {decide.done && <Outcome state={decide.state} />}
    </Card>
  );
}

/** The annual evaluation: year, grade, four scores (0–25) and comments. */
export function EvaluateForm({ baseId, years }: { baseId: string; years: number[] }) {
  const evaluate = useFormAction(evaluateAction);
  const fe = evaluate.fieldErrors;
  return (
    <Card title="年度评估">
      <form onSubmit={evaluate.onSubmit} className="space-y-3" aria-label="年度评估" noValidate>
        <input type="hidden" name="baseId" value={baseId} />
        <div className="grid gap-3 sm:grid-cols-3">
          <FormField id="eval-year" label="评估年度" errors={fe.year}>
            {(a) => <EnumSelect {...a} name="year" choices={years.map((y) => ({ value: String(y), label: `${y}年` }))} />}
          </FormField>
          <FormField id="eval-grade" label="评估等次" errors={fe.grade}>
            {(a) => <EnumSelect {...a} name="grade" choices={EVALUATION_GRADE_LABEL} placeholder="请选择" defaultValue="" />}
          </FormField>
        </div>
        <div className="grid gap-3 sm:grid-cols-4">
          {SCORE_FIELDS.map(([name, label]) => (
            <FormField key={name} id={`eval-${name}`} label={`${label}（0—25 分）`} errors={fe[name]}>
              {(a) => <Input {...a} name={name} type="number" min={0} max={25} inputMode="numeric" />}
            </FormField>
          ))}
        </div>
        <FormField id="eval-comment" label="评估意见（评为不合格时必填）" errors={fe.comment}>
          {(a) => <Textarea {...a} name="comment" rows={3} maxLength={1000} />}
        </FormField>
        <Button type="submit" disabled={evaluate.pending}>{evaluate.pending ? "正在保存…" : "保存评估结果"}</Button>
        <Outcome state={evaluate.state} />
      </form>
    </Card>
  );
}

/** 限期整改: reason, required items (one a line), deadline (default 12 months). */
export function RectifyForm({ baseId, version, defaultDeadline, evaluationYear }: { baseId: string; version: number; defaultDeadline: string; evaluationYear?: number }) {
  const issue = useFormAction(issueRectificationAction);
  const fe = issue.fieldErrors;
  return (
    <Card title="下达限期整改">
      <form onSubmit={issue.onSubmit} className="space-y-3" aria-label="下达限期整改" noValidate>
        <input type="hidden" name="baseId" value={baseId} />
        <input type="hidden" name="version" value={version} />
        {evaluationYear && <input type="hidden" name="evaluationYear" value={evaluationYear} />}
        <FormField id="rect-reason" label="整改事由" errors={fe.reason}>
          {(a) => <Textarea {...a} name="reason" rows={2} maxLength={1000} required />}
        </FormField>
        <FormField id="rect-items" label="整改要求（每行一项）" errors={fe.items}>
          {(a) => <Textarea {...a} name="items" rows={4} required />}
        </FormField>
        <FormField id="rect-deadline" label="整改期限" hint="默认为下达之日起 12 个月" errors={fe.deadline}>
          {(a) => <Input {...a} name="deadline" type="date" defaultValue={defaultDeadline} />}
        </FormField>
        <Button type="submit" variant="danger" disabled={issue.pending}>{issue.pending ? "正在下达…" : "下达整改通知"}</Button>
        <Outcome state={issue.state} />
      </form>
    </Card>
  );
}

/** The province's re-evaluation of an answered (or overdue) order: pass, or remove the base with a published reason. */
export function ReEvaluateButtons({ orderId, canPass }: { orderId: string; canPass: boolean }) {
  const decide = useFormAction(reEvaluateAction);
  return (
    <div className="space-y-2">
      <DecisionButtons form={decide} fields={{ orderId }}
        decisions={[
          ...(canPass ? [{ value: "pass", label: "整改通过", question: "确认整改通过？基地恢复为“已设立”。", confirm: "确认通过", tone: "success" as const }] : []),
          { value: "remove", label: "调整退出", variant: "danger" as const, tone: "danger" as const, confirm: "确认调整退出", confirmVariant: "danger" as const,
            question: "调整退出后基地不再保留，退出原因将在公开名单中公布。",
            reason: { label: "调整退出原因（将公开）", required: true, rows: 3, maxLength: 1000 } },
        ]} />
      {decide.done && <Outcome state={decide.state} />}
    </div>
  );
}

/** The host's answer to an order, with the evidence of what was done. */
export function RespondForm({ orderId }: { orderId: string }) {
  const respond = useFormAction(respondRectificationAction);
  return (
    <form onSubmit={respond.onSubmit} className="space-y-2" aria-label="提交整改报告" noValidate>
      <input type="hidden" name="orderId" value={orderId} />
      <FormField id={`respond-${orderId}`} label="整改情况（逐项说明落实情况和佐证材料）" errors={respond.fieldErrors.response}>
        {(a) => <Textarea {...a} name="response" rows={4} maxLength={3000} required />}
      </FormField>
      <Button type="submit" disabled={respond.pending}>{respond.pending ? "正在提交…" : "提交整改报告"}</Button>
      <Outcome state={respond.state} />
    </form>
  );
}

type Prefill = { activitiesCount: number; expertsCount: number; peopleTrained: number; engagements: number; content: string };

/** The annual report, pre-filled from the activities hosted by the base that year. */
export function AnnualReportForm({ baseId, year, prefill }: { baseId: string; year: number; prefill: Prefill }) {
  const report = useFormAction(annualReportAction);
  const fe = report.fieldErrors;
  return (
    <Card title={`报送${year}年度报告`}>
      <p className="mb-3 text-sm text-slate-600">
        已根据平台记录预填：依托本基地的活动 {prefill.activitiesCount} 项、服务项目 {prefill.engagements} 个，请核对后补充。
      </p>
      <form onSubmit={report.onSubmit} className="space-y-3" aria-label="报送年度报告" noValidate>
        <input type="hidden" name="baseId" value={baseId} />
        <input type="hidden" name="year" value={year} />
        <FormField id="report-content" label="年度开展的活动" errors={fe.content ?? fe.year}>
          {(a) => <Textarea {...a} name="content" rows={4} maxLength={3000} defaultValue={prefill.content} required />}
        </FormField>
        <div className="grid gap-3 sm:grid-cols-3">
          <FormField id="report-activities" label="开展活动（次）" errors={fe.activitiesCount}>
            {(a) => <Input {...a} name="activitiesCount" type="number" min={0} defaultValue={prefill.activitiesCount} />}
          </FormField>
          <FormField id="report-experts" label="组织专家（人次）" errors={fe.expertsCount}>
            {(a) => <Input {...a} name="expertsCount" type="number" min={0} defaultValue={prefill.expertsCount} />}
          </FormField>
          <FormField id="report-trained" label="培养人才（人）" errors={fe.peopleTrained}>
            {(a) => <Input {...a} name="peopleTrained" type="number" min={0} defaultValue={prefill.peopleTrained} />}
          </FormField>
        </div>
        <FormField id="report-results" label="主要成果" errors={fe.results}>
          {(a) => <Textarea {...a} name="results" rows={3} maxLength={2000} />}
        </FormField>
        <Button type="submit" disabled={report.pending}>{report.pending ? "正在报送…" : "报送年度报告"}</Button>
        <Outcome state={report.state} />
      </form>
    </Card>
  );
}

