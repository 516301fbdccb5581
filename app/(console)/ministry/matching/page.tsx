import type { Metadata } from "next";
import Link from "next/link";
import { RefitPanel } from "@/components/match-settings/refit-panel";
import { SettingsForm } from "@/components/match-settings/settings-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { SCORE_PART_MEANING } from "@/lib/match-settings/meaning";
import { previewNeeds, settingsForPage, weightFits } from "@/lib/match-settings/queries";
import { DEFAULT_INVITE_WORKING_DAYS } from "@/lib/match-settings/schemas";
import { MATCH_WEIGHT_FIT_STATE_LABEL } from "@/lib/labels";
import { HARD_FILTER_LABEL } from "@/lib/matching/score";
import { DEFAULT_WEIGHTS, SCORE_PART_LABEL, SCORE_PARTS } from "@/lib/matching/weights";

export const metadata: Metadata = { title: "匹配设置" };

const DEFAULT_SUM = SCORE_PARTS.reduce((s, p) => s + DEFAULT_WEIGHTS[p], 0);

export default async function MatchingSettingsPage() {
  await requirePermission("/ministry/matching", "match.settings");
  const [settings, needs, fits] = await Promise.all([settingsForPage(), previewNeeds(), weightFits()]);
  const inForce = JSON.stringify(settings.weights);
  return (
    <>
      <PageHeader
        title="匹配设置"
        subtitle={settings.updatedAt
          ? `最近由 ${settings.updatedByName ?? "（已删除的账号）"} 于 ${formatDateTime(settings.updatedAt)} 修改`
          : "尚未修改，当前使用默认设置"}
      />
      <div className="space-y-6">
        <Card title="评分权重与答复期限">
          <p className="mb-4 text-sm text-slate-600">
            专家与需求的匹配度（0–1）是下列各项得分（每项 0–1）按权重的加权平均，只看各项权重的相对大小：所有权重同时加倍，结果不变。
            保存后，新的推荐、批量分配方案和邀请均按新设置计算；已发出的邀请不受影响。
          </p>
          <SettingsForm
            weights={settings.weights}
            inviteWorkingDays={settings.inviteWorkingDays}
            defaultInviteWorkingDays={DEFAULT_INVITE_WORKING_DAYS}
            version={settings.version}
            previewNeeds={needs}
          />
        </Card>
        <Card title="依据实际结果调整权重">
          <RefitPanel fits={fits.map((f) => ({
            id: f.id, state: f.state, stateLabel: MATCH_WEIGHT_FIT_STATE_LABEL[f.state as keyof typeof MATCH_WEIGHT_FIT_STATE_LABEL] ?? f.state,
            createdAt: formatDateTime(f.createdAt), version: f.version, current: JSON.stringify(f.proposedWeights) === inForce,
            baseWeights: f.baseWeights, proposedWeights: f.proposedWeights, metrics: f.metrics,
          }))} />
        </Card>
        <Card title="默认设置说明">
          <Table caption="各评分项的含义与默认权重">
            <THead><tr><Th>评分项</Th><Th>含义</Th><Th>默认权重</Th><Th>默认占比</Th></tr></THead>
            <TBody>
              {SCORE_PARTS.map((p) => (
                <tr key={p}>
                  <Td className="whitespace-nowrap font-medium">{SCORE_PART_LABEL[p]}</Td>
                  <Td className="text-slate-700">{SCORE_PART_MEANING[p]}</Td>
                  <Td className="font-mono">{DEFAULT_WEIGHTS[p]}</Td>
                  <Td className="font-mono">{((DEFAULT_WEIGHTS[p] / DEFAULT_SUM) * 100).toFixed(1)}%</Td>
                </tr>
              ))}
            </TBody>
          </Table>
          <p className="mt-3 text-sm text-slate-600">
            邀请答复期限默认 {DEFAULT_INVITE_WORKING_DAYS} 个工作日（周末和<Link className="text-brand-700 underline" href="/ministry/calendar">工作日历</Link>中录入的法定节假日不计，调休上班日计入），截止前提醒专家，逾期未答复的邀请失效并释放名额。
          </p>
          <h3 className="mt-4 text-sm font-semibold text-slate-800">不参与评分、直接排除的情形</h3>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {Object.values(HARD_FILTER_LABEL).map((label) => <li key={label}>{label}</li>)}
          </ul>
        </Card>
      </div>
    </>
  );
}
