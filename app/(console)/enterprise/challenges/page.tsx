import type { Metadata } from "next";
import Link from "next/link";
import { ChallengeTable } from "@/components/challenges/challenge-table";
import { challengeSearchFields } from "@/components/challenges/challenge-search-fields";
import { buttonClass } from "@/components/ui/button";
import { ListPage } from "@/components/ui/list-page";
import { requirePermission } from "@/lib/auth/session";
import { searchChallenges } from "@/lib/challenges/queries";
import { challengeSearchSchema } from "@/lib/challenges/schemas";
import { formatNumber } from "@/lib/format";
import { CHALLENGE_STATE_LABEL } from "@/lib/labels";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "我的揭榜挂帅题目" };

export default async function EnterpriseChallengesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/enterprise/challenges", "challenge.create");
  const search = challengeSearchSchema.parse(await firstValues(searchParams));
  const result = await searchChallenges(user, search);
  const values = queryValues(search);
  return (
    <ListPage
      title="我的揭榜挂帅题目"
      subtitle="企业出题、政府发榜、人才攻关：填写题目和技术指标，提交后由政府审核发榜"
      actions={<Link href="/enterprise/challenges/new" className={buttonClass("primary")}>我要出题</Link>}
      path="/enterprise/challenges"
      exportHref="/api/export/challenges"
      values={values}
      search={{ label: "题目查询", fields: challengeSearchFields({ states: CHALLENGE_STATE_LABEL }) }}
      count={`共 ${formatNumber(result.total)} 个题目`}
      empty={result.rows.length === 0 && { title: "还没有题目", body: <Link href="/enterprise/challenges/new" className="text-brand-700 underline">填写第一个揭榜挂帅题目</Link> }}
      page={result}
    >
      <ChallengeTable rows={result.rows} detailPath="/enterprise/challenges" caption="本企业的揭榜挂帅题目" showEnterprise={false} />
    </ListPage>
  );
}
