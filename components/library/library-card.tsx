import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { DefinitionList } from "@/components/dashboard/definition-list";
import { toneOf } from "@/components/dashboard/state-tone";
import { MembershipActions } from "@/components/library/membership-actions";
import { formatDate } from "@/lib/format";
import { LIBRARY_STATUS_LABEL } from "@/lib/labels";
import type { libraryCardFor } from "@/lib/library/queries";

type Membership = NonNullable<Awaited<ReturnType<typeof libraryCardFor>>>;

/** 重点联系专家库 on the expert's console: status, the annual confirmation, and leaving. */
export function LibraryCard({ m }: { m: Membership }) {
  const status = <Badge tone={toneOf(m.libraryStatus)}>{LIBRARY_STATUS_LABEL[m.libraryStatus]}</Badge>;
  const items = [{ label: "入库状态", value: status }];
  if (m.libraryStatus === "IN_LIBRARY") {
    items.push(
      { label: "入库时间", value: <>{formatDate(m.libraryJoinedAt)}</> },
      {
        label: "最近确认",
        value: (
          <span className="inline-flex flex-wrap items-center gap-1">
            {formatDate(m.lastConfirmedAt)}
            {m.stale && <Badge tone="warning">长期未确认</Badge>}
          </span>
        ),
      },
      { label: "下次确认期限", value: <>{m.nextDue ? formatDate(m.nextDue) : "请尽快确认"}</> },
    );
  }
  if (m.libraryStatus === "NOMINATED" && m.latestNomination) {
    items.push({ label: "推荐时间", value: <>{formatDate(m.latestNomination.createdAt)}（等待部级审定）</> });
  }
  if (m.libraryStatus === "DECLINED" && m.latestNomination?.decisionReason) {
    items.push({ label: "审定意见", value: <>{m.latestNomination.decisionReason}</> });
  }
  if (m.libraryStatus === "LEFT") {
    items.push(
      { label: "退出时间", value: <>{formatDate(m.libraryLeftAt)}</> },
      { label: "退出原因", value: <>{m.libraryLeftReason ?? "—"}</> },
    );
  }
  return (
    <Card title="重点联系专家库">
      <DefinitionList items={items} />
      {m.libraryStatus === "IN_LIBRARY" && (
        <>
          <p className="mt-4 text-sm text-slate-600">
            入库专家每年确认一次个人信息仍然准确；超过 12 个月未确认的，在专家库中标为“长期未确认”。
          </p>
          <MembershipActions expertId={m.id} />
        </>
      )}
      {m.libraryStatus === "NONE" && (
        <p className="mt-3 text-sm text-slate-600">重点联系专家库由省级人社部门推荐、部级审定。</p>
      )}
    </Card>
  );
}
