"use client";
import { Fragment, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DecisionButtons } from "@/components/ui/decision-form";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useFormAction } from "@/components/ui/use-form-action";
import { toneOf } from "@/components/dashboard/state-tone";
import { reviewRecordAction } from "@/lib/engagements/actions";
import { formatDate } from "@/lib/format";
import type { ServiceForm, ServiceRecordState } from "@/lib/generated/prisma/enums";
import { SERVICE_FORM_LABEL, SERVICE_RECORD_STATE_LABEL } from "@/lib/labels";
import { RecordForm, type RecordValues } from "@/components/engagements/record-form";

export type RecordRow = RecordValues & {
  id: string; version: number; state: ServiceRecordState; start: Date; end: Date; disputeReason: string | null;
  confirmedAt: Date | null; confirmedByName: string | null; canEdit: boolean; canReview: boolean;
};

type Props = {
  records: RecordRow[];
  totals: { hours: number; served: number; trained: number; allHours: number };
  planForms: ServiceForm[];
  today: string;
  earliest: string;
};

/** The unit's review of one record: confirm (asked first, it cannot be undone) or dispute with a reason. */
function ReviewRecord({ record, label }: { record: RecordRow; label: string }) {
  const review = useFormAction(reviewRecordAction);
  if (review.state?.ok) return <p role="status" className="text-sm text-emerald-800">{review.state.data.state === "CONFIRMED" ? "已确认" : "已提出异议"}</p>;
  const confirmLabel = `确认${label}的服务记录`;
  const disputeLabel = `对${label}的服务记录提出异议`;
  return (
    <DecisionButtons form={review} fields={{ recordId: record.id, version: record.version }}
      decisions={[
        {
          value: "confirm", label: "确认", ariaLabel: confirmLabel, formLabel: confirmLabel, tone: "neutral",
          question: "确认后记录计入服务成效，不能再修改。确认无误？", confirm: "确认无误",
        },
        {
          value: "dispute", label: "有异议", ariaLabel: disputeLabel, formLabel: disputeLabel, variant: "secondary", tone: "neutral",
          reason: { label: "异议内容（将告知专家）" }, confirm: "提交异议", confirmVariant: "danger",
        },
      ]} />
  );
}

/** Service records with totals; the expert edits waiting or disputed records, the unit confirms or disputes. */
export function RecordList({ records, totals, planForms, today, earliest }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const span = (r: RecordRow) => (r.startDate === r.endDate ? formatDate(r.start) : `${formatDate(r.start)} 至 ${formatDate(r.end)}`);
  return (
    <div className="space-y-3">
      <Table caption="服务记录">
        <THead>
          <tr><Th>服务日期</Th><Th>时长</Th><Th>形式与内容</Th><Th>服务/培训</Th><Th>状态与办理</Th></tr>
        </THead>
        <TBody>
          {records.map((r) => (
            <Fragment key={r.id}>
              <tr>
                <Td className="whitespace-nowrap">{span(r)}</Td>
                <Td className="whitespace-nowrap">{r.hours} 小时</Td>
                <Td className="min-w-48">
                  <span className="text-xs text-slate-600">{SERVICE_FORM_LABEL[r.form]}</span>
                  <p className="whitespace-pre-wrap">{r.content}</p>
                  {r.state === "DISPUTED" && r.disputeReason && <p className="mt-1 text-sm text-red-700">异议：{r.disputeReason}</p>}
                </Td>
                <Td className="whitespace-nowrap">
                  {r.peopleServed} / {r.peopleTrained}
                  {(r.techniquesPromoted > 0 || r.incomeEffect > 0) && (
                    <div className="text-xs text-slate-600">推广技术 {r.techniquesPromoted} 项 · 增收 {r.incomeEffect} 万元</div>
                  )}
                </Td>
                <Td>
                  <Badge tone={toneOf(r.state)}>{SERVICE_RECORD_STATE_LABEL[r.state]}</Badge>
                  {r.confirmedAt && <div className="mt-1 whitespace-nowrap text-xs text-slate-600">{r.confirmedByName ?? "服务单位"} {formatDate(r.confirmedAt)}</div>}
                  <div className="mt-2">
                    {r.canReview && <ReviewRecord record={r} label={span(r)} />}
                    {r.canEdit && editing !== r.id && (
                      <Button size="sm" variant="secondary" onClick={() => setEditing(r.id)} aria-label={`修改${span(r)}的服务记录`}>修改</Button>
                    )}
                  </div>
                </Td>
              </tr>
              {editing === r.id && (
                <tr>
                  <td colSpan={5} className="bg-slate-50 px-3 py-3">
                    <RecordForm target={{ recordId: r.id, version: r.version }} values={r} planForms={planForms} today={today} earliest={earliest}
                      onDone={() => setEditing(null)} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </TBody>
        <tfoot className="bg-slate-50 text-sm">
          <tr>
            <th scope="row" className="px-3 py-2 text-left font-medium text-slate-700">已确认合计</th>
            <Td className="whitespace-nowrap font-medium">{totals.hours} 小时</Td>
            <Td className="text-xs text-slate-600">全部记录 {totals.allHours} 小时（含待确认和有异议的）</Td>
            <Td className="whitespace-nowrap font-medium">{totals.served} / {totals.trained}</Td>
            <Td />
          </tr>
        </tfoot>
      </Table>
    </div>
  );
}
