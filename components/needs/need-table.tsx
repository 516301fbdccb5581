import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { toneOf } from "@/components/dashboard/state-tone";
import { formatDate } from "@/lib/format";
import type { NeedState, Urgency } from "@/lib/generated/prisma/enums";
import { NEED_STATE_LABEL, URGENCY_LABEL } from "@/lib/labels";
import { PRIORITY_FLAGS, PRIORITY_LABEL } from "@/lib/needs/schemas";

export type NeedRow = {
  id: string; code: string; title: string; state: NeedState; urgency: Urgency; unitName: string; place: string;
  menuNames: string[]; createdAt: Date; submittedAt: Date | null; onBehalfOf: string | null;
  breakBottleneck: boolean; promoteTechnology: boolean; raiseFarmerIncome: boolean;
};

export function NeedTable({ rows }: { rows: NeedRow[] }) {
  return (
    <Table caption="需求列表">
      <THead>
        <tr><Th>需求编号</Th><Th>标题与服务项目</Th><Th>填报单位</Th><Th>服务地点</Th><Th>紧迫程度</Th><Th>状态</Th><Th>填报日期</Th><Th>提交日期</Th></tr>
      </THead>
      <TBody>
        {rows.map((n) => (
          <tr key={n.id}>
            <Td className="whitespace-nowrap font-mono text-xs">{n.code}</Td>
            <Td>
              <Link href={`/needs/${n.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{n.title}</Link>
              <div className="mt-1 text-xs text-slate-600">{n.menuNames.join("、")}</div>
              <div className="mt-1 flex flex-wrap gap-1">
                {PRIORITY_FLAGS.filter((f) => n[f]).map((f) => <Badge key={f} tone="brand">{PRIORITY_LABEL[f]}</Badge>)}
              </div>
            </Td>
            <Td>{n.unitName}{n.onBehalfOf && <div className="text-xs text-slate-600">代 {n.onBehalfOf} 填报</div>}</Td>
            <Td>{n.place}</Td>
            <Td className="whitespace-nowrap">{n.urgency === "HIGH" ? <Badge tone="danger">{URGENCY_LABEL[n.urgency]}</Badge> : URGENCY_LABEL[n.urgency]}</Td>
            <Td className="whitespace-nowrap"><Badge tone={toneOf(n.state)}>{NEED_STATE_LABEL[n.state]}</Badge></Td>
            <Td className="whitespace-nowrap">{formatDate(n.createdAt)}</Td>
            <Td className="whitespace-nowrap">{formatDate(n.submittedAt)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
