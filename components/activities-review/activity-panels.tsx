import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { SessionUser } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format";
import { activityPanels } from "@/lib/activities/review-queries";

/** Review, selection and tracking on an activity's detail page (a server component; place it in the page's side column). */
export async function ActivityReviewPanels({ activityId, user }: { activityId: string; user: SessionUser }) {
  const p = await activityPanels(activityId, user);
  if (!p || (!p.review && !p.ownReview && !p.selection && !p.progressHref)) return null;
  const link = "text-brand-700 underline underline-offset-2";
  return (
    <Card title="评审与跟踪">
      <div className="space-y-3 text-sm text-slate-700">
        {p.review && (
          <div>
            <p>评审：已评 {p.review.submitted} / 分配 {p.review.assigned}{p.review.mean !== null ? `，均分 ${p.review.mean}，分差 ${p.review.spread}` : ""}
              {p.review.disagreement && <> <Badge tone="danger">意见分歧</Badge></>}</p>
            <p className="mt-1 flex gap-3"><Link href={p.review.assignHref} className={link}>分配评审</Link><Link href={p.review.boardHref} className={link}>遴选会</Link></p>
          </div>
        )}
        {p.ownReview && <p><Link href={`/expert/reviews/${p.ownReview.id}`} className={link}>{p.ownReview.submittedAt ? `我的评分：${p.ownReview.total} 分` : "去评分"}</Link></p>}
        {p.selection && <p>遴选意见：{p.selection.comment}{p.selection.at ? `（${formatDateTime(p.selection.at)}）` : ""}</p>}
        {p.progressHref && (
          <p className="flex flex-wrap gap-3">
            <Link href={p.progressHref} className={link}>进展报送（{p.counts.reports}）</Link>
            {p.evaluationHref && <Link href={p.evaluationHref} className={link}>评估与评价（{p.counts.evaluations + p.counts.feedback}）</Link>}
          </p>
        )}
      </div>
    </Card>
  );
}
