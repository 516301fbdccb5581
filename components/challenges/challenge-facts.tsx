import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { rewardText } from "@/components/challenges/challenge-table";
import { formatDate } from "@/lib/format";

type Facts = {
  problem: string; indicators: string[]; requirements: string; rewardYuan: number | null; bidDeadline: Date | null; ipTerms: string;
  national: boolean; publishedAt: Date | null; enterprise: { name: string }; region: { name: string }; disciplines: string[];
};

/** What the enterprise posed: the problem, the indicators to reach, the reward, the deadline and the IP terms. */
export function ChallengeFacts({ c }: { c: Facts }) {
  return (
    <Card title="题目内容">
      <DefinitionList items={[
        { label: "出题企业", value: c.enterprise.name },
        { label: "所在地区", value: `${c.region.name}${c.national ? "（国家级题目，由人社部发榜）" : ""}` },
        { label: "榜单金额", value: rewardText(c.rewardYuan) },
        { label: "揭榜截止", value: formatDate(c.bidDeadline) },
        { label: "发榜日期", value: c.publishedAt ? formatDate(c.publishedAt) : "尚未发榜" },
        { label: "学科领域", value: c.disciplines.length ? c.disciplines.join("、") : "—" },
      ]} />
      <h3 className="mt-5 text-sm font-semibold text-slate-800">需要攻关的问题</h3>
      <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{c.problem}</p>
      <h3 className="mt-4 text-sm font-semibold text-slate-800">需达到的技术指标</h3>
      <ol className="mt-1 list-decimal space-y-1 pl-5 text-sm text-slate-700" aria-label="技术指标">
        {c.indicators.map((x, i) => <li key={i}>{x}</li>)}
      </ol>
      {c.requirements && (
        <>
          <h3 className="mt-4 text-sm font-semibold text-slate-800">其他要求</h3>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{c.requirements}</p>
        </>
      )}
      <h3 className="mt-4 text-sm font-semibold text-slate-800">知识产权约定</h3>
      <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{c.ipTerms || "—"}</p>
    </Card>
  );
}
