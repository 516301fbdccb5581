"use client";
import { Fragment, useActionState, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/form-field";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { submitKeepingInput } from "@/components/ui/use-form-submit";
import { toneOf } from "@/components/dashboard/state-tone";
import { reviewRecordAction } from "@/lib/engagements/actions";
import { formatDate } from "@/lib/format";
import type { ServiceForm, ServiceRecordState } from "@/lib/generated/prisma/enums";
import { SERVICE_FORM_LABEL, SERVICE_RECORD_STATE_LABEL } from "@/lib/labels";
import { fieldErrorsOf, Outcome } from "@/components/ui/outcome";
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
  const [state, review, pending] = useActionState(reviewRecordAction, null);
  const [mode, setMode] = useState<"idle" | "confirm" | "dispute">("idle");
  const reasonId = `dispute-${record.id}`;
  const reasonError = fieldErrorsOf(state).reason?.join("；");
  if (state?.ok) return <p role="status" className="text-sm text-emerald-800">{state.data.state === "CONFIRMED" ? "已确认" : "已提出异议"}</p>;
  return (
    <div className="space-y-2">
      {mode === "idle" && (
        <div className="flex flex-wrap gap-1">
          <Button size="sm" onClick={() => setMode("confirm")} aria-label={`确认${label}的服务记录`}>确认</Button>
          <Button size="sm" variant="secondary" onClick={() => setMode("dispute")} aria-label={`对${label}的服务记录提出异议`}>有异议</Button>
        </div>
      )}
      {mode !== "idle" && (
        <form onSubmit={submitKeepingInput(review)} className="min-w-48 space-y-2 rounded-md bg-slate-50 p-2 ring-1 ring-slate-200" noValidate
          aria-label={mode === "confirm" ? `确认${label}的服务记录` : `对${label}的服务记录提出异议`}>
          <input type="hidden" name="recordId" value={record.id} />
          <input type="hidden" name="version" value={record.version} />
          <input type="hidden" name="decision" value={mode} />
          {mode === "confirm" ? (
            <p className="text-sm text-slate-800">确认后记录计入服务成效，不能再修改。确认无误？</p>
          ) : (
            <>
              <label htmlFor={reasonId} className="block text-sm font-medium text-slate-700">异议内容（将告知专家）</label>
              <textarea id={reasonId} name="reason" rows={2} maxLength={500} className={inputClass}
                aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `${reasonId}-error` : undefined} />
              {reasonError && <p id={`${reasonId}-error`} className="text-sm text-red-700">{reasonError}</p>}
            </>
          )}
          <div className="flex gap-1">
            <Button type="submit" size="sm" variant={mode === "confirm" ? "primary" : "danger"} disabled={pending}>
              {mode === "confirm" ? "确认无误" : "提交异议"}
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setMode("idle")}>取消</Button>
          </div>
        </form>
      )}
      {state && !state.ok && !reasonError && <Outcome state={state} />}
    </div>
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
                <Td className="whitespace-nowrap">{r.peopleServed} / {r.peopleTrained}</Td>
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
