import Link from "next/link";
import { toneOf } from "@/components/dashboard/state-tone";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import type { EngagementListRow } from "@/lib/engagements/queries";
import { formatDate } from "@/lib/format";
import { ENGAGEMENT_STATE_LABEL, ENGAGEMENT_TYPE_LABEL } from "@/lib/labels";

export function EngagementTable({ rows }: { rows: EngagementListRow[] }) {
  return (
    <Table caption="服务项目列表">
      <THead>
        <tr><Th>需求</Th><Th>服务单位</Th><Th>专家</Th><Th>类型</Th><Th>状态</Th><Th>服务记录</Th><Th>更新日期</Th></tr>
      </THead>
      <TBody>
        {rows.map((r) => {
          const waiting = r.totals.counts.SUBMITTED ?? 0;
          return (
            <tr key={r.id}>
              <Td>
                <Link href={`/engagements/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">{r.need.title}</Link>
                <div className="mt-1 font-mono text-xs text-slate-600">{r.need.code}</div>
              </Td>
              <Td>{r.unitName}<div className="text-xs text-slate-600">{r.place}</div></Td>
              <Td>{r.expert.name}<div className="text-xs text-slate-600">{r.expert.employer}</div></Td>
              <Td className="whitespace-nowrap">{ENGAGEMENT_TYPE_LABEL[r.type]}</Td>
              <Td className="whitespace-nowrap"><Badge tone={toneOf(r.state)}>{ENGAGEMENT_STATE_LABEL[r.state]}</Badge></Td>
              <Td className="whitespace-nowrap">
                已确认 {r.totals.hours} 小时
                {waiting > 0 && <div className="mt-1"><Badge tone="warning">{waiting} 条待确认</Badge></div>}
              </Td>
              <Td className="whitespace-nowrap">{formatDate(r.updatedAt)}</Td>
            </tr>
          );
        })}
      </TBody>
    </Table>
  );
}
