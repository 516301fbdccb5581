import type { Metadata } from "next";
import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { RespondForm } from "@/components/matches/match-actions";
import { NeedSummary } from "@/components/matches/need-summary";
import { Deadline, Explanation } from "@/components/matches/score";
import { Badge } from "@/components/ui/badge";
import { LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { DataTable, type Column } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ListResults } from "@/components/ui/list-page";
import { PageHeader } from "@/components/ui/page-header";
import { keywordField, SearchForm, type SearchFields } from "@/components/ui/search-form";
import { requirePermission } from "@/lib/auth/session";
import { formatDateTime, formatNumber } from "@/lib/format";
import { MATCH_SOURCE_LABEL, MATCH_STATE_LABEL } from "@/lib/labels";
import { INVITATION_HISTORY_STATES, invitationSearchSchema, myInvitations, type InvitationRow } from "@/lib/matches/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "邀请与申请" };

const PATH = "/expert/invitations";

/** What happened, in one line, for the history table. */
function outcomeOf(m: InvitationRow): string {
  switch (m.state) {
    case "ACCEPTED":
    case "CONFIRMED":
      return m.offeredHours ? `可投入 ${m.offeredHours} 小时` : "";
    case "DECLINED":
      return m.declineReason ? `婉拒原因：${m.declineReason}` : "";
    case "WITHDRAWN":
    case "REJECTED":
      return m.closeReason ? `原因：${m.closeReason}` : "";
    case "APPLIED":
      return m.applyNote ? `申请说明：${m.applyNote}` : "";
    case "EXPIRED":
      return "未在期限内答复";
    default:
      return "";
  }
}

const FIELDS: SearchFields = [
  keywordField("需求编号、标题或单位"),
  {
    kind: "select", name: "state", label: "状态", all: "全部",
    choices: INVITATION_HISTORY_STATES.map((s) => ({ value: s, label: MATCH_STATE_LABEL[s] })),
  },
];

const HISTORY: Column<InvitationRow>[] = [
  {
    header: "需求",
    cell: (m) => (
      <>
        <Link href={`${PATH}/${m.id}`} className="text-brand-700 underline hover:text-brand-800">{m.need.title}</Link>
        <span className="block font-mono text-xs text-slate-500">{m.need.code}</span>
      </>
    ),
  },
  { header: "需求单位", cell: (m) => <>{m.need.unitName}<span className="block text-xs text-slate-600">{m.need.place}</span></> },
  { header: "来源", className: "whitespace-nowrap", cell: (m) => MATCH_SOURCE_LABEL[m.source] },
  { header: "状态", cell: (m) => <Badge tone={toneOf(m.state)}>{MATCH_STATE_LABEL[m.state]}</Badge> },
  { header: "更新时间", className: "whitespace-nowrap", cell: (m) => formatDateTime(m.respondedAt ?? m.updatedAt) },
  { header: "说明", className: "max-w-xs", cell: (m) => outcomeOf(m) || "—" },
];

function Pending({ m, now }: { m: InvitationRow; now: Date }) {
  return (
    <li className="space-y-2 px-4 py-4">
      <div className="flex flex-wrap items-center gap-2">
        <Link href={`${PATH}/${m.id}`} className="font-medium text-brand-700 underline hover:text-brand-800">{m.need.title}</Link>
        <Badge>{MATCH_SOURCE_LABEL[m.source]}</Badge>
      </div>
      <NeedSummary need={m.need} />
      <Explanation text={m.explanation} />
      {m.assignReason && <p className="text-sm text-slate-700"><span className="text-slate-500">省级指派理由：</span>{m.assignReason}</p>}
      <p className="text-sm text-slate-700">答复期限：<Deadline respondBy={m.respondBy} now={now} /></p>
      {m.respondBy && m.respondBy < now ? (
        <p className="text-sm text-slate-600">已超过答复期限，邀请即将失效，名额将释放。</p>
      ) : (
        <RespondForm matchId={m.id} version={m.version} needTitle={m.need.title} />
      )}
    </li>
  );
}

export default async function InvitationsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission(PATH, "match.respond");
  const search = invitationSearchSchema.parse(await firstValues(searchParams));
  const data = await myInvitations(user, search);
  if (!data) {
    return (
      <>
        <PageHeader title="邀请与申请" />
        <EmptyState title="尚未建立专家档案">请联系所在省级人社部门完善您的专家信息。</EmptyState>
      </>
    );
  }
  const now = new Date();
  const values = queryValues(search);
  return (
    <>
      <PageHeader
        title="邀请与申请"
        subtitle={`当前占用服务名额 ${data.profile.activeEngagements} / ${data.profile.maxConcurrent}（含待答复的邀请）。请在期限内答复，超期邀请自动失效。`}
        actions={<LinkButton href="/expert/needs" variant="secondary">找需求</LinkButton>}
      />
      <div className="space-y-6">
        <Card title={`待答复的邀请（${data.pending.length}）`}>
          {data.pending.length === 0 ? (
            <EmptyState title="暂无待答复的邀请">可以到“找需求”浏览与您专业相符的待匹配需求并申请承接。</EmptyState>
          ) : (
            <ul className="-mx-4 divide-y divide-slate-100 sm:-mx-5" aria-label="待答复的邀请">
              {data.pending.map((m) => <Pending key={m.id} m={m} now={now} />)}
            </ul>
          )}
        </Card>
        <section aria-labelledby="history-heading" className="space-y-3">
          <h2 id="history-heading" className="text-base font-semibold text-slate-800">历史记录</h2>
          <SearchForm action={PATH} label="查询邀请与申请记录" fields={FIELDS} values={values} columns={3} />
          <ListResults
            path={PATH}
            values={values}
            className=""
            count={`共 ${formatNumber(data.history.total)} 条记录`}
            empty={data.history.rows.length === 0 && { title: "没有符合条件的记录", body: "接受、婉拒、申请过的需求会显示在这里；可调整查询条件。" }}
            page={data.history}
          >
            <DataTable caption="邀请与申请记录" columns={HISTORY} rows={data.history.rows} rowKey={(m) => m.id} />
          </ListResults>
        </section>
      </div>
    </>
  );
}
