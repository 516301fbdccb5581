import { Badge } from "@/components/ui/badge";
import { toneOf } from "@/components/dashboard/state-tone";
import { EXPERT_STATUS_LABEL, LIBRARY_STATUS_LABEL } from "@/lib/labels";
import type { ExpertStatus, LibraryStatus } from "@/lib/generated/prisma/enums";

type Props = { status: ExpertStatus; libraryStatus: LibraryStatus; stale: boolean; isRetired: boolean; shared?: boolean; rejected?: boolean };

/** Status, key-contact library membership and the other flags shown beside an expert's name. */
export function ExpertBadges({ status, libraryStatus, stale, isRetired, shared, rejected }: Props) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {rejected ? <Badge tone="danger">注册未通过</Badge>
        : status !== "ACTIVE" && <Badge tone={status === "PENDING" ? "warning" : "neutral"}>{EXPERT_STATUS_LABEL[status]}</Badge>}
      {libraryStatus !== "NONE" && <Badge tone={toneOf(libraryStatus)}>重点库·{LIBRARY_STATUS_LABEL[libraryStatus]}</Badge>}
      {isRetired && <Badge>退休</Badge>}
      {stale && <Badge tone="warning">超12个月未确认</Badge>}
      {shared && <Badge tone="brand">外省共享</Badge>}
    </span>
  );
}
