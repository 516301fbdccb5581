import { EmptyState } from "@/components/ui/empty-state";
import { formatDate } from "@/lib/format";

export type PlanView = {
  id: string;
  year: number;
  theme: string;
  description: string;
  applicationClosesAt: Date | null;
  program: { name: string };
};

export function PlanList({ plans }: { plans: PlanView[] }) {
  if (plans.length === 0) return <EmptyState title="当前没有开放申报的年度主题" />;
  return (
    <ul className="grid gap-4 md:grid-cols-2">
      {plans.map((p) => (
        <li key={p.id} className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
          <p className="text-sm text-brand-700">{p.program.name} · {p.year} 年度</p>
          <h3 className="mt-1 text-lg font-semibold text-slate-900">{p.theme}</h3>
          {p.description && <p className="mt-2 text-sm leading-6 text-slate-600">{p.description}</p>}
          {p.applicationClosesAt && (
            <p className="mt-3 text-xs text-slate-500">申报截止：{formatDate(p.applicationClosesAt)}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
