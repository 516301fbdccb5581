"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { Outcome } from "@/components/ui/outcome";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { useFormAction } from "@/components/ui/use-form-action";
import { applyFitAction, proposeRefitAction, rollbackFitAction } from "@/lib/match-settings/actions";
import { SCORE_PART_LABEL, SCORE_PARTS, type Weights } from "@/lib/matching/weights";

export type FitRow = {
  id: string; state: string; stateLabel: string; createdAt: string; version: number; current: boolean;
  baseWeights: Weights; proposedWeights: Weights;
  metrics: { outcomes: number; train: number; test: number; splitAt: string; baseAgreement: number; proposedAgreement: number; gain: number };
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function FitActions({ fit }: { fit: FitRow }) {
  const apply = useFormAction(applyFitAction);
  const rollback = useFormAction(rollbackFitAction);
  if (fit.state === "PROPOSED") {
    return (
      <ConfirmButton form={apply} fields={{ id: fit.id, version: fit.version }} label="采用建议" variant="primary" size="sm" compact
        tone="warning" question="采用后，新的推荐、批量分配方案和邀请按建议的权重计算（可回退）。确认采用？" confirm="确认采用" />
    );
  }
  if (fit.state === "APPLIED" && fit.current) {
    return (
      <ConfirmButton form={rollback} fields={{ id: fit.id, version: fit.version }} label="回退" size="sm" compact
        tone="warning" question="权重将恢复为采用这条建议之前的值。确认回退？" confirm="确认回退" confirmVariant="danger" />
    );
  }
  return null;
}

/** Proposals fitted from outcomes: the proposed weights beside the hand-set ones and the gain measured on newer outcomes. */
export function RefitPanel({ fits }: { fits: FitRow[] }) {
  const propose = useFormAction(proposeRefitAction);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        依据已答复的邀请（接受、婉拒、超期）、完成的服务和服务单位的评分重新拟合各项权重：用较早的七成结果拟合，在较新的三成结果上检验。
        “排序一致率”是两条结果好坏不同时，权重给好结果打分更高的比例（50% 相当于随机）。建议不会自动生效，采用后可以回退。
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <form onSubmit={propose.onSubmit}>
          <Button type="submit" variant="secondary" disabled={propose.pending}>{propose.pending ? "正在拟合…" : "依据结果生成建议"}</Button>
        </form>
        {propose.done && <Outcome state={propose.state} />}
      </div>
      {fits.length === 0 ? (
        <p className="text-sm text-slate-600">尚未生成过权重建议。</p>
      ) : (
        fits.map((fit) => (
          <section key={fit.id} aria-label={`${fit.createdAt} 的权重建议`} className="space-y-2 border-t border-slate-100 pt-3">
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <span className="font-medium text-slate-800">{fit.createdAt}</span>
              <span className="rounded bg-slate-100 px-2 py-0.5 text-slate-700">{fit.stateLabel}</span>
              <span className="text-slate-700">
                结果 {fit.metrics.outcomes} 条（拟合 {fit.metrics.train}，检验 {fit.metrics.test}）；检验段排序一致率：现行权重 {pct(fit.metrics.baseAgreement)}，
                建议权重 {pct(fit.metrics.proposedAgreement)}，提升 {fit.metrics.gain >= 0 ? "+" : ""}{(fit.metrics.gain * 100).toFixed(1)} 个百分点
              </span>
              <FitActions fit={fit} />
            </div>
            <Table caption="建议权重与拟合时的现行权重">
              <THead><tr><Th>评分项</Th>{SCORE_PARTS.map((p) => <Th key={p}>{SCORE_PART_LABEL[p]}</Th>)}</tr></THead>
              <TBody>
                <tr><Td className="whitespace-nowrap">拟合时现行</Td>{SCORE_PARTS.map((p) => <Td key={p} className="font-mono">{fit.baseWeights[p]}</Td>)}</tr>
                <tr><Td className="whitespace-nowrap">建议</Td>{SCORE_PARTS.map((p) => <Td key={p} className="font-mono">{fit.proposedWeights[p]}</Td>)}</tr>
              </TBody>
            </Table>
          </section>
        ))
      )}
    </div>
  );
}
