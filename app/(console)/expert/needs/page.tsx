import type { Metadata } from "next";
import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { ApplyForm } from "@/components/matches/match-actions";
import { NeedSummary } from "@/components/matches/need-summary";
import { Explanation, ScoreBar, ScoreParts } from "@/components/matches/score";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ListPage } from "@/components/ui/list-page";
import { codeOptions } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";
import { keywordField, type SearchFields } from "@/components/ui/search-form";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { MATCH_STATE_LABEL, SERVICE_FORM_LABEL, URGENCY_LABEL } from "@/lib/labels";
import { needsForMe, openNeedSearchSchema } from "@/lib/matches/queries";
import { provinceOptions } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "找需求" };

const PATH = "/expert/needs";
const TITLE = "找需求";
const SUBTITLE = "按您的学科领域、所属行业和擅长方向推荐的待匹配需求；申请后由需求所在省级人社部门审定。";

function searchFields(provinces: { code: string; name: string }[]): SearchFields {
  return [
    keywordField("需求编号、标题、瓶颈问题或单位"),
    { kind: "select", name: "province", label: "需求所在省份", choices: codeOptions(provinces), all: "全部" },
    { kind: "select", name: "form", label: "服务形式", choices: SERVICE_FORM_LABEL, all: "全部" },
  ];
}

export default async function OpenNeedsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission(PATH, "need.browseOpen");
  const search = openNeedSearchSchema.parse(await firstValues(searchParams));
  const [data, provinces] = await Promise.all([needsForMe(user, search), provinceOptions()]);
  if (!data) {
    return (
      <>
        <PageHeader title={TITLE} subtitle={SUBTITLE} />
        <EmptyState title="尚未建立专家档案">请联系所在省级人社部门完善您的专家信息。</EmptyState>
      </>
    );
  }
  return (
    <ListPage
      title={TITLE}
      subtitle={SUBTITLE}
      path={PATH}
      values={queryValues(search)}
      search={{ label: "查找待匹配需求", fields: searchFields(provinces) }}
      notice={data.blocked && (
        <p className="mt-4 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-200">
          暂不能申请新的需求：{data.blocked.label}
          {data.blocked.key === "AT_CAPACITY" ? `（当前 ${data.profile.activeEngagements} / ${data.profile.maxConcurrent}），完成或结束当前服务后即可申请。` : "。"}
        </p>
      )}
      count={`共 ${formatNumber(data.total)} 项推荐需求`}
      empty={data.rows.length === 0 && {
        title: "暂无与您专业相符的待匹配需求",
        body: (
          <>
            可以调整查询条件，或在<Link href="/expert/profile" className="text-brand-700 underline">我的档案</Link>中完善学科领域、所属行业和擅长领域，以便获得更准确的推荐。
          </>
        ),
      }}
      page={data}
      footer={
        <p className="mt-4 text-sm text-slate-600">
          收到的邀请请到<LinkButton href="/expert/invitations" variant="ghost" size="sm">邀请与申请</LinkButton>中答复。
        </p>
      }
    >
      <ol className="divide-y divide-slate-100 rounded-lg bg-white shadow-sm ring-1 ring-slate-200" aria-label="推荐的待匹配需求">
        {data.rows.map((r) => (
          <li key={r.need.id} className="flex flex-wrap items-start justify-between gap-4 p-4">
            <div className="min-w-0 flex-1 space-y-2">
              <h2 className="flex flex-wrap items-center gap-2 text-base font-medium text-slate-900">
                {r.need.title}
                {r.need.urgency === "HIGH" && <Badge tone="danger">{URGENCY_LABEL.HIGH}</Badge>}
              </h2>
              <NeedSummary need={r.need} />
              <p className="text-xs text-slate-600">已占名额 {r.seatsHeld} / {r.need.expertsWanted}</p>
              <ScoreBar score={r.score} />
              <Explanation text={r.explanation} />
              <ScoreParts parts={r.parts} />
            </div>
            <div className="w-full space-y-2 sm:w-72">
              {r.match ? (
                <p className="flex flex-wrap items-center gap-2 text-sm">
                  <Badge tone={toneOf(r.match.state)}>{MATCH_STATE_LABEL[r.match.state]}</Badge>
                  <Link href={`/expert/invitations/${r.match.id}`} className="text-brand-700 underline hover:text-brand-800">查看</Link>
                </p>
              ) : null}
              {r.canApply ? (
                <ApplyForm needId={r.need.id} needTitle={r.need.title} />
              ) : !r.match && !data.blocked ? (
                <p className="text-sm text-slate-600">省级正在安排该需求，暂不能申请。</p>
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </ListPage>
  );
}
