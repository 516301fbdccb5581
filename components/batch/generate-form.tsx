"use client";
import { useState, type FormEvent } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input } from "@/components/ui/form-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { GENERATE_FORM_ID } from "@/components/batch/form-ids";
import { generateProposalAction } from "@/lib/batch/actions";
import { DEFAULT_PER_NEED, MAX_BATCH_NEEDS } from "@/lib/batch/schemas";
import type { GenerateResult } from "@/lib/batch/operations";
import { formatNumber } from "@/lib/format";

type Props = {
  /** The queue's filters, sent along for "every need that matches". */
  filters: Record<string, string | undefined>;
  /** Needs in the queue matching the filters. */
  total: number;
  /** Experts in the province's current proposal (regenerating replaces those of the chosen needs). */
  proposed: number;
};

const percent = (x: number) => `${(x * 100).toFixed(1)}%`;

function Summary({ r, withQuota }: { r: GenerateResult; withQuota: boolean }) {
  const s = r.summary;
  return (
    <div role="status" className="space-y-2 rounded-md bg-emerald-50 p-4 text-sm text-emerald-900 ring-1 ring-emerald-200">
      <p className="font-medium">分配方案已生成：{s.needs} 项需求中 {s.needsCovered} 项有人选，名额 {s.seatsFilled} / {s.seatsTotal}</p>
      <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-2">
        <div className="flex gap-2"><dt>方案总分</dt><dd className="font-mono">{s.total}</dd></div>
        <div className="flex gap-2">
          <dt>贪心基线总分</dt>
          <dd>
            <span className="font-mono">{s.greedyTotal}</span>（为本方案的 {percent(s.greedyRatio)}
            {withQuota ? "；贪心基线不受东部专家配额约束，仅供参考" : ""}）
          </dd>
        </div>
        <div className="flex gap-2"><dt>求解用时</dt><dd className="font-mono">{formatNumber(r.solveMs)} 毫秒</dd></div>
      </dl>
      {s.withoutCandidates > 0 && <p>{s.withoutCandidates} 项需求没有符合条件的候选专家，可在方案中手工添加。</p>}
      {r.unmetQuotas.length > 0 && <p>以下需求找不到可安排的东部专家：{r.unmetQuotas.map((q) => q.code).join("、")}。</p>}
      {r.skipped > 0 && <p>{r.skipped} 位专家在生成期间已被邀请或状态变化，未列入方案。</p>}
      {r.notReady.length > 0 && <p>未纳入：{r.notReady.map((n) => `${n.code}（${n.reason}）`).join("；")}。</p>}
      {r.leftOut > 0 && <p>另有 {formatNumber(r.leftOut)} 项符合条件的需求超出单次 {MAX_BATCH_NEEDS} 项的上限，请缩小范围后再次生成。</p>}
      <LinkButton href="/matching/batch/proposal" size="sm">查看并调整方案</LinkButton>
    </div>
  );
}

/** Options and the "generate" button; the queue's row checkboxes belong to this form. */
export function GenerateForm({ filters, total, proposed }: Props) {
  const generate = useFormAction(generateProposalAction);
  const { state, pending } = generate;
  const [confirming, setConfirming] = useState(false);
  const [withQuota, setWithQuota] = useState(false);
  const errors = generate.fieldErrors;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (proposed > 0 && !confirming) return setConfirming(true);
    setConfirming(false);
    setWithQuota(new FormData(event.currentTarget).has("minEastern"));
    generate.onSubmit(event);
  }

  return (
    <form id={GENERATE_FORM_ID} onSubmit={submit} noValidate className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      {Object.entries(filters).map(([k, v]) => v && <input key={k} type="hidden" name={k} value={v} />)}
      <fieldset aria-describedby={errors.needIds ? "scope-error" : undefined}>
        <legend className="text-sm font-medium text-slate-700">生成范围</legend>
        <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm">
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="scope" value="selected" defaultChecked /> 下表中勾选的需求
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="scope" value="filtered" /> 全部符合查询条件的 {formatNumber(total)} 项需求
          </label>
        </div>
        <p className="mt-1 text-xs text-slate-500">
          单次最多为 {MAX_BATCH_NEEDS} 项需求生成方案（超出时按紧迫程度、填报先后取前 {MAX_BATCH_NEEDS} 项）；需求较多时生成约需几十秒。
        </p>
        <FieldError id="scope-error" errors={errors.needIds} className="mt-1" />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-3">
          <label className="inline-flex items-center gap-2 text-sm">
            <input type="checkbox" name="minEastern" value="1" /> 每项需求至少安排 1 位东部省份专家（东西部协作）
          </label>
        </div>
        <FormField id="maxPerEmployer" label="同一单位专家上限（每项需求）" hint="留空为不限" errors={errors.maxPerEmployer}>
          {(a) => <Input {...a} name="maxPerEmployer" type="number" min={1} max={20} inputMode="numeric" />}
        </FormField>
        <FormField id="perNeed" label="每项需求考虑的候选专家数" hint="5–100，越多越可能找到更优组合，生成也越慢" errors={errors.perNeed}>
          {(a) => <Input {...a} name="perNeed" type="number" min={5} max={100} inputMode="numeric" defaultValue={DEFAULT_PER_NEED} />}
        </FormField>
      </div>
      {confirming ? (
        <div className="flex flex-wrap items-center gap-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
          <span className="text-sm text-amber-900">所选需求已有的分配方案（含手工调整）将被新方案替换，已发出的邀请不受影响。确认生成？</span>
          <Button type="submit" size="sm" disabled={pending}>确认生成</Button>
          <Button size="sm" variant="secondary" onClick={() => setConfirming(false)}>取消</Button>
        </div>
      ) : (
        <Button type="submit" disabled={pending} aria-busy={pending}>{pending ? "正在生成方案…" : "生成分配方案"}</Button>
      )}
      <FieldError errors={generate.error} alert />
      {state?.ok && <Summary r={state.data} withQuota={withQuota} />}
    </form>
  );
}
