"use client";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Select } from "@/components/ui/form-field";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useFormAction } from "@/components/ui/use-form-action";
import { previewSettingsAction, resetSettingsAction, updateSettingsAction } from "@/lib/match-settings/actions";
import type { PreviewRow } from "@/lib/match-settings/operations";
import { DEFAULT_WEIGHTS, SCORE_PART_LABEL, SCORE_PARTS, type ScorePart, type Weights } from "@/lib/matching/weights";

type Props = {
  weights: Weights;
  inviteWorkingDays: number;
  defaultInviteWorkingDays: number;
  version: number;
  previewNeeds: { id: string; code: string; title: string }[];
};

const FORM_ID = "match-settings";

const share = (w: number, sum: number) => (sum > 0 ? `${((w / sum) * 100).toFixed(1)}%` : "—");

/** Where the expert stood under the saved weights, for the edited list. */
function moved(expertId: string, rank: number, before?: PreviewRow[]) {
  if (!before) return null;
  const was = before.findIndex((r) => r.expertId === expertId);
  if (was < 0) return <span className="text-xs text-emerald-700">新进入</span>;
  if (was === rank) return <span className="text-xs text-slate-500">不变</span>;
  return <span className={was > rank ? "text-xs text-emerald-700" : "text-xs text-amber-700"}>原第 {was + 1} 名</span>;
}

function PreviewList({ title, rows, before }: { title: string; rows: PreviewRow[]; before?: PreviewRow[] }) {
  return (
    <Table caption={title} showCaption>
      <THead><tr><Th>名次</Th><Th>专家</Th><Th>匹配度</Th><Th>推荐理由</Th></tr></THead>
      <TBody>
        {rows.length === 0 ? (
          <tr><Td colSpan={4} className="text-slate-500">没有符合条件的专家</Td></tr>
        ) : rows.map((r, i) => (
          <tr key={r.expertId}>
            <Td className="whitespace-nowrap">{i + 1}<div>{moved(r.expertId, i, before)}</div></Td>
            <Td><span className="font-medium">{r.name}</span><div className="text-xs text-slate-600">{r.employer}</div></Td>
            <Td className="font-mono">{r.score.toFixed(3)}</Td>
            <Td className="text-slate-700">{r.explanation || "—"}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}

/** Weights and the response deadline, with shares updated as one types, restore defaults, and a preview. */
export function SettingsForm({ weights, inviteWorkingDays, defaultInviteWorkingDays, version, previewNeeds }: Props) {
  const formRef = useRef<HTMLFormElement>(null);
  const save = useFormAction(updateSettingsAction);
  const reset = useFormAction(resetSettingsAction);
  const preview = useFormAction(previewSettingsAction);
  const asText = (w: Weights) => Object.fromEntries(SCORE_PARTS.map((p) => [p, String(w[p])])) as Record<ScorePart, string>;
  const [values, setValues] = useState(() => asText(weights));
  // A new version (saved here or restored to defaults) brings the saved weights into the fields.
  const [shownVersion, setShownVersion] = useState(version);
  if (shownVersion !== version) {
    setShownVersion(version);
    setValues(asText(weights));
  }
  const [needId, setNeedId] = useState(previewNeeds[0]?.id ?? "");
  const errors = save.fieldErrors;
  const numbers = SCORE_PARTS.map((p) => Number(values[p]));
  const sum = numbers.every((n) => Number.isFinite(n) && n >= 0) ? numbers.reduce((s, n) => s + n, 0) : 0;

  function previewNow() {
    if (!formRef.current) return;
    const data = new FormData(formRef.current);
    data.set("needId", needId);
    preview.run(data);
  }

  return (
    <div className="space-y-6">
      <form ref={formRef} id={FORM_ID} onSubmit={save.onSubmit} noValidate className="space-y-4">
        <input type="hidden" name="version" value={version} />
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">各项权重（0–100，按相对大小折算为占比）</legend>
          <div className="mt-3 grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            {SCORE_PARTS.map((p) => (
              <FormField key={p} id={`w-${p}`} label={SCORE_PART_LABEL[p]} errors={errors[p]}
                hint={`默认 ${DEFAULT_WEIGHTS[p]} · 当前占比 ${share(Number(values[p]) || 0, sum)}`}>
                {(a) => (
                  <Input {...a} name={p} type="number" min={0} max={100} step="any" inputMode="decimal" value={values[p]}
                    onChange={(e) => setValues({ ...values, [p]: e.target.value })} />
                )}
              </FormField>
            ))}
          </div>
          <FieldError errors={[...(errors.weights ?? []), ...(errors._ ?? [])]} alert className="mt-2" />
        </fieldset>
        <FormField id="inviteWorkingDays" label="邀请答复期限（工作日）" errors={errors.inviteWorkingDays}
          hint={`1–20 个工作日，默认 ${defaultInviteWorkingDays}；专家须在期限内答复，逾期邀请失效并释放名额`} className="max-w-xs">
          {(a) => <Input {...a} name="inviteWorkingDays" type="number" min={1} max={20} inputMode="numeric" defaultValue={inviteWorkingDays} key={`days-${version}`} />}
        </FormField>
      </form>
      {/* The buttons sit outside the form: the restore step is a form of its own. */}
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" form={FORM_ID} disabled={save.pending}>{save.pending ? "正在保存…" : "保存设置"}</Button>
        <ConfirmButton form={reset} fields={{ version }} label="恢复默认" tone="warning" confirm="确认恢复默认" confirmVariant="danger"
          question={`各项权重将恢复为默认值，答复期限恢复为 ${defaultInviteWorkingDays} 个工作日。确认恢复？`} />
        <FieldError errors={save.error} alert />
        {save.state?.ok && <p role="status" className="text-sm text-emerald-700">{save.state.message}</p>}
        {reset.state?.ok && <p role="status" className="text-sm text-emerald-700">{reset.state.message}</p>}
      </div>

      <section aria-labelledby="preview-heading" className="space-y-3 border-t border-slate-100 pt-4">
        <h3 id="preview-heading" className="text-sm font-semibold text-slate-800">预览：某项需求的前 5 位推荐专家</h3>
        {previewNeeds.length === 0 ? (
          <p className="text-sm text-slate-600">暂无待匹配的需求可供预览。</p>
        ) : (
          <div className="flex flex-wrap items-end gap-2">
            <FormField id="preview-need" label="待匹配的需求" className="min-w-72">
              {(a) => (
                <Select {...a} value={needId} onChange={(e) => setNeedId(e.target.value)}>
                  {previewNeeds.map((n) => <option key={n.id} value={n.id}>{n.code} {n.title}</option>)}
                </Select>
              )}
            </FormField>
            <Button variant="secondary" onClick={previewNow} disabled={preview.pending}>{preview.pending ? "正在计算…" : "按上方权重预览（不保存）"}</Button>
          </div>
        )}
        <FieldError errors={preview.error} alert />
        {preview.state?.ok && (
          <div className="grid gap-4 lg:grid-cols-2">
            <PreviewList title={`现行权重：${preview.state.data.need.code}`} rows={preview.state.data.current} />
            <PreviewList title={`编辑中的权重：${preview.state.data.need.code}`} rows={preview.state.data.edited} before={preview.state.data.current} />
          </div>
        )}
      </section>
    </div>
  );
}
