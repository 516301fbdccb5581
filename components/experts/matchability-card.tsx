import { Card } from "@/components/ui/card";
import type { Matchability } from "@/lib/experts/eligibility";

/** Whether the matching engine may propose the expert, and why not. */
export function MatchabilityCard({ m }: { m: Matchability }) {
  return (
    <Card title="匹配资格">
      {m.matchable ? (
        <p className="text-sm text-emerald-800">可参与需求匹配。</p>
      ) : (
        <div>
          <p className="text-sm font-medium text-amber-900">暂不能参与需求匹配：</p>
          <ul className="mt-1 list-disc pl-5 text-sm text-amber-900">{m.reasons.map((r) => <li key={r}>{r}</li>)}</ul>
        </div>
      )}
      {m.warnings.length > 0 && (
        <ul className="mt-2 list-disc pl-5 text-sm text-slate-600">{m.warnings.map((w) => <li key={w}>{w}</li>)}</ul>
      )}
    </Card>
  );
}
