import { DELIVERY_MODE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import type { DeliveryMode, ServiceForm } from "@/lib/generated/prisma/enums";

// The parts of a need every reader sees the same way: the need's page and the invited expert's page.

export function NeedProblem({ bottleneck, expectedOutcome }: { bottleneck: string; expectedOutcome: string }) {
  return (
    <div className="mt-4 space-y-3 text-sm">
      <div>
        <h3 className="text-xs text-slate-600">面临的瓶颈问题</h3>
        <p className="mt-0.5 whitespace-pre-wrap text-slate-900">{bottleneck}</p>
      </div>
      <div>
        <h3 className="text-xs text-slate-600">预期成效</h3>
        <p className="mt-0.5 whitespace-pre-wrap text-slate-900">{expectedOutcome || "—"}</p>
      </div>
    </div>
  );
}

export type MenuEntry = { id: string; name: string; form: ServiceForm; typicalDurationDays: number; delivery: DeliveryMode; description: string };

export function NeedMenuList({ items }: { items: MenuEntry[] }) {
  return (
    <ul className="space-y-3">
      {items.map((m) => (
        <li key={m.id} className="text-sm">
          <span className="font-medium text-slate-800">{m.name}</span>
          <span className="ml-2 text-xs text-slate-600">{SERVICE_FORM_LABEL[m.form]} · 约 {m.typicalDurationDays} 天 · {DELIVERY_MODE_LABEL[m.delivery]}</span>
          <p className="text-slate-600">{m.description}</p>
        </li>
      ))}
    </ul>
  );
}
