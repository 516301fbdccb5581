import type { Metadata } from "next";
import { ChallengeTable } from "@/components/challenges/challenge-table";
import { challengeSearchFields } from "@/components/challenges/challenge-search-fields";
import { StatGrid, StatTile } from "@/components/ui/stat-tile";
import { ListPage } from "@/components/ui/list-page";
import { requirePermission } from "@/lib/auth/session";
import { challengeTracking, searchChallenges } from "@/lib/challenges/queries";
import { challengeSearchSchema } from "@/lib/challenges/schemas";
import { formatNumber } from "@/lib/format";
import { CHALLENGE_STATE_LABEL } from "@/lib/labels";

import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "揭榜挂帅发榜与管理" };

// The government never sees drafts.
const STATES = Object.fromEntries(Object.entries(CHALLENGE_STATE_LABEL).filter(([k]) => k !== "DRAFT"));

export default async function ProvinceChallengesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/province/challenges", "challenge.publish");
  const search = challengeSearchSchema.parse(await firstValues(searchParams));
  const [result, tracking] = await Promise.all([searchChallenges(user, search), challengeTracking(user)]);
  const values = queryValues(search);
  return (
    <ListPage
      title="揭榜挂帅发榜与管理"
      subtitle="本省企业提出的揭榜挂帅题目：审核发榜、截止揭榜、组织评审（回避）、挂帅、中期检查与验收"
      path="/province/challenges"
      exportHref="/api/export/challenges"
      values={values}
      intro={tracking && (
        <div className="mb-4"><StatGrid>
          <StatTile label="待发榜" value={tracking.byState.SUBMITTED ?? 0} unit="个" highlight={(tracking.byState.SUBMITTED ?? 0) > 0} />
          <StatTile label="揭榜中" value={tracking.byState.PUBLISHED ?? 0} />
          <StatTile label="攻关中" value={(tracking.byState.AWARDED ?? 0) + (tracking.byState.ACCEPTANCE ?? 0)} />
          <StatTile label="验收通过" value={tracking.completed} />
        </StatGrid></div>
      )}
      search={{ label: "题目查询", fields: challengeSearchFields({ states: STATES }) }}
      count={`共 ${formatNumber(result.total)} 个题目`}
      empty={result.rows.length === 0 && { title: "没有符合条件的题目", body: "请调整查询条件后重试。" }}
      page={result}
    >
      <ChallengeTable rows={result.rows} detailPath="/province/challenges" caption="揭榜挂帅题目" />
    </ListPage>
  );
}
