import { ChallengeTable } from "@/components/challenges/challenge-table";
import { challengeSearchFields } from "@/components/challenges/challenge-search-fields";
import { StatGrid, StatTile } from "@/components/ui/stat-tile";
import { ListPage } from "@/components/ui/list-page";
import type { SessionUser } from "@/lib/auth/roles";
import { challengeTracking, searchChallenges } from "@/lib/challenges/queries";
import { challengeSearchSchema } from "@/lib/challenges/schemas";
import { formatNumber } from "@/lib/format";
import { CHALLENGE_STATE_LABEL } from "@/lib/labels";
import { provinceOptions } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

// The government never sees drafts.
const STATES = Object.fromEntries(Object.entries(CHALLENGE_STATE_LABEL).filter(([k]) => k !== "DRAFT"));

type Props = {
  user: SessionUser;
  searchParams: SearchParams;
  /** The console's list path (its detail pages are below it). */
  path: string;
  title: string;
  subtitle: string;
  /** The ministry filters by province too. */
  national?: boolean;
};

/** The challenges the province or the ministry verifies, publishes, reviews and accepts: figures, search, the list. */
export async function GovernmentChallengeList({ user, searchParams, path, title, subtitle, national = false }: Props) {
  const search = challengeSearchSchema.parse(await firstValues(searchParams));
  const [result, tracking, provinces] = await Promise.all([
    searchChallenges(user, search), challengeTracking(user), national ? provinceOptions() : undefined,
  ]);
  return (
    <ListPage
      title={title}
      subtitle={subtitle}
      path={path}
      exportHref="/api/export/challenges"
      values={queryValues(search)}
      intro={tracking && (
        <div className="mb-4"><StatGrid>
          <StatTile label="待发榜" value={tracking.byState.SUBMITTED ?? 0} unit="个" highlight={(tracking.byState.SUBMITTED ?? 0) > 0} />
          <StatTile label="揭榜中" value={tracking.byState.PUBLISHED ?? 0} />
          <StatTile label="攻关中" value={(tracking.byState.AWARDED ?? 0) + (tracking.byState.ACCEPTANCE ?? 0)} />
          <StatTile label="验收通过" value={tracking.completed} />
        </StatGrid></div>
      )}
      search={{ label: "题目查询", fields: challengeSearchFields({ states: STATES, ...(provinces ? { provinces } : {}) }) }}
      count={`共 ${formatNumber(result.total)} 个题目`}
      empty={result.rows.length === 0 && { title: "没有符合条件的题目", body: "请调整查询条件后重试。" }}
      page={result}
    >
      <ChallengeTable rows={result.rows} detailPath={path} caption="揭榜挂帅题目" />
    </ListPage>
  );
}
