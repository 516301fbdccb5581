import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { toneOf } from "@/components/dashboard/state-tone";
import type { ChallengeListRow } from "@/lib/challenges/queries";
import { formatDate, formatNumber } from "@/lib/format";
import { CHALLENGE_STATE_LABEL } from "@/lib/labels";

export const rewardText = (yuan: number | null) => (yuan ? `${formatNumber(yuan)} 元` : "面议");

/** A list of challenges; each title links to `${detailPath}/<id>`. */
export function ChallengeTable({ rows, detailPath, caption, showEnterprise = true }: { rows: ChallengeListRow[]; detailPath: string; caption: string; showEnterprise?: boolean }) {
  const columns: (Column<ChallengeListRow> | false)[] = [
    { header: "题目", className: "font-medium", cell: (c) => <Link href={`${detailPath}/${c.id}`} className="text-brand-700 underline">{c.title}</Link> },
    showEnterprise && { header: "出题企业", cell: (c) => c.enterprise.name },
    { header: "地区", cell: (c) => `${c.region.name}${c.national ? "（国家级）" : ""}` },
    { header: "榜单金额", className: "whitespace-nowrap", cell: (c) => rewardText(c.rewardYuan) },
    { header: "揭榜截止", className: "whitespace-nowrap", cell: (c) => formatDate(c.bidDeadline) },
    { header: "揭榜方案", className: "whitespace-nowrap", cell: (c) => `${c.bids} 份` },
    { header: "状态", className: "whitespace-nowrap", cell: (c) => <Badge tone={toneOf(c.state)}>{CHALLENGE_STATE_LABEL[c.state]}</Badge> },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(c) => c.id} />;
}
