import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, type Column } from "@/components/ui/data-table";
import { StateBreakdown } from "@/components/dashboard/state-breakdown";
import { toneOf } from "@/components/dashboard/state-tone";
import { requirePermission } from "@/lib/auth/session";
import { enterpriseDashboard } from "@/lib/dashboard/enterprise-queries";
import { formatDate } from "@/lib/format";
import { byStateRows, CHALLENGE_STATE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "企业工作台" };

type Challenge = NonNullable<Awaited<ReturnType<typeof enterpriseDashboard>>>["recentChallenges"][number];

const CHALLENGES: Column<Challenge>[] = [
  { header: "题目", cell: (c) => <Link href={`/enterprise/challenges/${c.id}`} className="text-brand-700 underline">{c.title}</Link> },
  { header: "状态", cell: (c) => <Badge tone={toneOf(c.state)}>{CHALLENGE_STATE_LABEL[c.state]}</Badge> },
  { header: "揭榜截止", className: "whitespace-nowrap", cell: (c) => formatDate(c.bidDeadline) },
  { header: "揭榜数", headerClassName: "text-right", className: "text-right tabular-nums", cell: (c) => c.bids },
];

export default async function EnterpriseDashboardPage() {
  const user = await requirePermission("/enterprise", "console.enterprise");
  const data = await enterpriseDashboard(user);
  return (
    <>
      <PageHeader
        title="企业工作台"
        subtitle={data?.enterpriseNames.length ? `${data.enterpriseNames.join("、")} · 揭榜挂帅（企业出题、政府发榜、人才攻关）` : undefined}
      />
      {!data ? (
        <EmptyState title="账号尚未关联企业">请联系省级管理员为账号设置所属企业。</EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title="本企业出题（按状态）">
            <StateBreakdown rows={byStateRows(CHALLENGE_STATE_LABEL, data.challengesByState)} highlight={["RETURNED", "ACCEPTANCE"]} />
          </Card>
          <Card title="最近的出题">
            <DataTable caption="本企业最近更新的揭榜挂帅题目" columns={CHALLENGES} rows={data.recentChallenges} rowKey={(c) => c.id}
              empty={{ title: "还没有出题", body: <Link href="/enterprise/challenges/new" className="text-brand-700 underline">提出需要攻关的技术难题</Link> }} />
          </Card>
        </div>
      )}
    </>
  );
}
