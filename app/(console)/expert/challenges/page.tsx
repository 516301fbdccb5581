import type { Metadata } from "next";
import Link from "next/link";
import { ChallengeTable } from "@/components/challenges/challenge-table";
import { challengeSearchFields } from "@/components/challenges/challenge-search-fields";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { toneOf } from "@/components/dashboard/state-tone";
import { requirePermission } from "@/lib/auth/session";
import { myBids, myChallengeReviews, publicChallenges } from "@/lib/challenges/queries";
import { challengeSearchSchema } from "@/lib/challenges/schemas";
import { PUBLIC_CHALLENGE_STATES } from "@/lib/challenges/workflow";
import { formatDate, formatNumber } from "@/lib/format";
import { BID_STATE_LABEL, CHALLENGE_STATE_LABEL } from "@/lib/labels";
import { provinceOptions } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "揭榜挂帅" };

type Bid = Awaited<ReturnType<typeof myBids>>[number];
const BID_COLUMNS: Column<Bid>[] = [
  { header: "题目", className: "font-medium", cell: (b) => <Link href={`/expert/challenges/${b.challenge.id}`} className="text-brand-700 underline">{b.challenge.title}</Link> },
  { header: "出题企业", cell: (b) => b.challenge.enterprise.name },
  { header: "揭榜日期", className: "whitespace-nowrap", cell: (b) => formatDate(b.createdAt) },
  { header: "方案状态", className: "whitespace-nowrap", cell: (b) => <Badge tone={toneOf(b.state)}>{BID_STATE_LABEL[b.state]}</Badge> },
  { header: "题目状态", className: "whitespace-nowrap", cell: (b) => CHALLENGE_STATE_LABEL[b.challenge.state] },
];

const STATES = Object.fromEntries(PUBLIC_CHALLENGE_STATES.map((s) => [s, CHALLENGE_STATE_LABEL[s]]));

export default async function ExpertChallengesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/expert/challenges", "challenge.bid");
  const search = challengeSearchSchema.parse(await firstValues(searchParams));
  const [result, bids, reviews, provinces] = await Promise.all([publicChallenges(search), myBids(user), myChallengeReviews(user), provinceOptions()]);
  const values = queryValues(search);
  return (
    <ListPage
      title="揭榜挂帅"
      subtitle="政府已发榜的企业技术难题：组建团队揭榜，挂帅后按里程碑攻关"
      path="/expert/challenges"
      values={values}
      intro={(bids.length > 0 || reviews.length > 0) && (
        <div className="mb-6 space-y-4">
          {bids.length > 0 && <Card title="我的揭榜"><DataTable caption="我的揭榜方案" columns={BID_COLUMNS} rows={bids} rowKey={(b) => b.id} /></Card>}
          {reviews.length > 0 && (
            <Card title="评审任务">
              <ul className="space-y-1 text-sm" aria-label="揭榜方案评审任务">
                {reviews.map((r) => (
                  <li key={r.id}>
                    <Link href={`/expert/challenges/${r.challenge.id}`} className="text-brand-700 underline">{r.challenge.title}</Link>
                    <span className="ml-2 text-slate-600">{CHALLENGE_STATE_LABEL[r.challenge.state]}</span>
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
      )}
      search={{ label: "题目查询", fields: challengeSearchFields({ states: STATES, provinces }) }}
      count={`共 ${formatNumber(result.total)} 个已发榜题目`}
      empty={result.rows.length === 0 && { title: "没有符合条件的题目", body: "请调整查询条件后重试。" }}
      page={result}
    >
      <ChallengeTable rows={result.rows} detailPath="/expert/challenges" caption="已发榜的揭榜挂帅题目" />
    </ListPage>
  );
}
