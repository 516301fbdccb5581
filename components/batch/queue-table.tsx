import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { CheckAll } from "@/components/batch/check-all";
import { GENERATE_FORM_ID } from "@/components/batch/form-ids";
import { formatDate } from "@/lib/format";
import type { NeedState, Urgency } from "@/lib/generated/prisma/enums";
import { NEED_STATE_LABEL, URGENCY_LABEL } from "@/lib/labels";

export type QueueRow = {
  id: string; code: string; title: string; state: NeedState; urgency: Urgency; unitName: string; place: string;
  menuNames: string[]; createdAt: Date; expertsWanted: number; seats: number; proposed: number;
};

/** The province's queue; each row's checkbox belongs to the generate form (form attribute). */
export function QueueTable({ rows }: { rows: QueueRow[] }) {
  return (
    <Table caption="待分配需求">
      <THead>
        <tr>
          <Th><CheckAll form={GENERATE_FORM_ID} name="needIds" label="本页全选" /></Th>
          <Th>需求</Th><Th>填报单位</Th><Th>服务地点</Th><Th>紧迫程度</Th><Th>状态</Th><Th>剩余名额</Th><Th>当前方案</Th><Th>填报日期</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((n) => (
          <tr key={n.id}>
            <Td>
              <input type="checkbox" form={GENERATE_FORM_ID} name="needIds" value={n.id} aria-label={`选择需求 ${n.code}`} />
            </Td>
            <Td>
              <Link href={`/needs/${n.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{n.title}</Link>
              <div className="mt-1 font-mono text-xs text-slate-500">{n.code}</div>
              {n.menuNames.length > 0 && <div className="mt-1 text-xs text-slate-600">{n.menuNames.join("、")}</div>}
            </Td>
            <Td>{n.unitName}</Td>
            <Td>{n.place}</Td>
            <Td className="whitespace-nowrap">{n.urgency === "HIGH" ? <Badge tone="danger">{URGENCY_LABEL[n.urgency]}</Badge> : URGENCY_LABEL[n.urgency]}</Td>
            <Td className="whitespace-nowrap"><Badge tone={toneOf(n.state)}>{NEED_STATE_LABEL[n.state]}</Badge></Td>
            <Td className="whitespace-nowrap">{n.seats} / {n.expertsWanted}</Td>
            <Td className="whitespace-nowrap">
              {n.proposed ? `${n.proposed} 位专家` : "—"}
              <div>
                <Link href={`/matching/batch/proposal?addTo=${n.id}`} className="text-xs text-brand-700 underline-offset-2 hover:underline" aria-label={`手工添加专家：需求 ${n.code}`}>
                  手工添加
                </Link>
              </div>
            </Td>
            <Td className="whitespace-nowrap">{formatDate(n.createdAt)}</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
