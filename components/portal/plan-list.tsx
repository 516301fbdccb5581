import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";
import { PLAN_STATE_LABEL } from "@/lib/labels";
import type { PlanState } from "@/lib/generated/prisma/enums";

export type PlanView = {
  id: string;
  year: number;
  theme: string;
  description: string;
  state?: PlanState;
  applicationClosesAt: Date | null;
  program: { name: string };
};

export function PlanList({ plans }: { plans: PlanView[] }) {
  if (plans.length === 0) return <EmptyState title="本年度主题尚未发布" />;
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {plans.map((p) => (
        <li key={p.id} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm text-brand-700">{p.program.name} · {p.year} 年度 {p.state && <Badge tone={p.state === "OPEN" ? "success" : "neutral"}>{PLAN_STATE_LABEL[p.state]}</Badge>}</p>
          <h3 className="mt-1 text-lg font-semibold text-slate-900">{p.theme}</h3>
          {p.description && <p className="mt-2 text-sm leading-6 text-slate-600">{p.description}</p>}
          {p.state === "OPEN" && p.applicationClosesAt && (
            <p className="mt-3 text-xs text-slate-600">申报截止：{formatDate(p.applicationClosesAt)}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
