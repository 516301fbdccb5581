import type { Metadata } from "next";
import { connection } from "next/server";
import { ChallengeTable } from "@/components/challenges/challenge-table";
import { challengeSearchFields } from "@/components/challenges/challenge-search-fields";
import { ListResults } from "@/components/ui/list-page";
import { SearchForm } from "@/components/ui/search-form";
import { publicChallenges } from "@/lib/challenges/queries";
import { challengeSearchSchema } from "@/lib/challenges/schemas";
import { PUBLIC_CHALLENGE_STATES } from "@/lib/challenges/workflow";
import { formatNumber } from "@/lib/format";
import { CHALLENGE_STATE_LABEL } from "@/lib/labels";
import { provinceOptions } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "揭榜挂帅" };

const STATES = Object.fromEntries(PUBLIC_CHALLENGE_STATES.map((s) => [s, CHALLENGE_STATE_LABEL[s]]));

// Public, no sign-in: challenges the government has published (企业出题、政府发榜、人才攻关); nothing unpublished.
export default async function PublicChallengesPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const search = challengeSearchSchema.parse(await firstValues(searchParams));
  const [result, provinces] = await Promise.all([publicChallenges(search), provinceOptions()]);
  const values = queryValues(search);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold text-slate-900">揭榜挂帅</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        企业出题、政府发榜、人才攻关：企业提出的技术难题经人社部门审核后发榜，专家和团队揭榜攻关，按技术指标验收。专家登录后可揭榜。
      </p>
      <div className="mt-6">
        <SearchForm action="/challenges" label="题目查询" values={values} fields={challengeSearchFields({ states: STATES, provinces })} />
        <ListResults path="/challenges" values={values} page={result}
          count={`共 ${formatNumber(result.total)} 个题目`}
          empty={result.rows.length === 0 && { title: "没有符合条件的题目", body: "请调整查询条件后重试。" }}>
          <ChallengeTable rows={result.rows} detailPath="/challenges" caption="已发榜的揭榜挂帅题目" />
        </ListResults>
      </div>
    </div>
  );
}
