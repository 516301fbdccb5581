import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { remainingTime } from "@/components/matches/remaining";
import { formatDateTime } from "@/lib/format";

// How a match score is shown everywhere: a bar with the percentage, the Chinese explanation, and on demand the
// parts with their labels (lib/matching/weights SCORE_PART_LABEL).

export type ScorePartView = { key: string; label: string; value: number };

const pct = (v: number) => `${Math.round(v * 100)}%`;

/** A horizontal bar for a value in [0, 1] (the text says the number; the bar is decoration). */
function Bar({ value, className }: { value: number; className?: string }) {
  return (
    <span aria-hidden="true" className={cn("inline-block h-2 w-24 overflow-hidden rounded-full bg-slate-200 align-middle", className)}>
      <span className="block h-full rounded-full bg-brand-600" style={{ width: pct(Math.max(0, Math.min(1, value))) }} />
    </span>
  );
}

/** The bar and 「匹配度 93%」 side by side, the text under the bar where the column is too narrow for both. */
export function ScoreBar({ score }: { score: number }) {
  return (
    <span className="inline-flex max-w-full flex-wrap items-center gap-x-2 gap-y-1">
      <Bar value={score} />
      <span className="whitespace-nowrap text-sm font-medium tabular-nums text-slate-800">匹配度 {pct(score)}</span>
    </span>
  );
}

/**
 * "为什么推荐"; nothing when the engine had nothing to say. Its parts (「东西部协作：浙江→四川 · 擅长科技推广」) wrap
 * between parts or at punctuation, not inside a word (break-keep), and a part longer than the line still breaks.
 */
export function Explanation({ text, className }: { text: string | null | undefined; className?: string }) {
  if (!text) return null;
  return <p className={cn("break-keep text-sm text-slate-700 wrap-break-word", className)}><span className="text-slate-500">推荐理由：</span>{text}</p>;
}

/** The parts of a score, folded away until asked for. */
export function ScoreParts({ parts, summary = "查看得分构成" }: { parts: ScorePartView[]; summary?: string }) {
  if (!parts.length) return null;
  return (
    <details className="mt-1 text-sm">
      <summary className="cursor-pointer text-brand-700 hover:text-brand-800">{summary}</summary>
      <dl className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
        {parts.map((p) => (
          <div key={p.key} className="flex items-center justify-between gap-2">
            <dt className="text-slate-600">{p.label}</dt>
            <dd className="flex items-center gap-2 tabular-nums text-slate-800"><Bar value={p.value} className="w-16" />{pct(p.value)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}

/** The deadline of an invitation with the time left ("剩余 3 天（3 个工作日）" / "已超期"). */
export function Deadline({ respondBy, now, showDate = true }: { respondBy: Date | null; now: Date; showDate?: boolean }) {
  if (!respondBy) return <span>—</span>;
  const left = remainingTime(respondBy, now);
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {showDate && <time dateTime={respondBy.toISOString()}>{formatDateTime(respondBy)}</time>}
      <Badge tone={left.overdue ? "danger" : left.urgent ? "warning" : "neutral"}>{left.label}</Badge>
    </span>
  );
}
