import Link from "next/link";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatDate, formatNumber } from "@/lib/format";
import { SERVICE_FORM_LABEL } from "@/lib/labels";

export type TrackingRecordItem = {
  id: string; engagementId: string; startDate: Date; endDate: Date; hours: number; form: keyof typeof SERVICE_FORM_LABEL; content: string;
  peopleServed: number; peopleTrained: number; techniquesPromoted: number; incomeEffect: number; needCode: string; needTitle: string;
  unitName: string; expertName: string; provinceName: string; expertProvinceName: string;
};

/** The confirmed records behind a dashboard number, each linked to its engagement. */
export function TrackingRecordTable({ rows }: { rows: TrackingRecordItem[] }) {
  return (
    <Table caption="已确认的服务记录">
      <THead>
        <tr>
          <Th>服务日期</Th><Th>需求</Th><Th>服务单位</Th><Th>专家</Th><Th>服务形式与内容</Th>
          <Th className="text-right">时长（小时）</Th><Th className="text-right">服务/培训人数</Th><Th className="text-right">技术/增收</Th>
        </tr>
      </THead>
      <TBody>
        {rows.map((r) => (
          <tr key={r.id}>
            <Td className="whitespace-nowrap">{formatDate(r.startDate)}{r.endDate.getTime() !== r.startDate.getTime() && <> 至 {formatDate(r.endDate)}</>}</Td>
            <Td>
              <Link href={`/engagements/${r.engagementId}`} className="text-brand-700 hover:underline">{r.needTitle}</Link>
              <div className="font-mono text-xs text-slate-500">{r.needCode}</div>
            </Td>
            <Td>{r.unitName}<div className="text-xs text-slate-500">{r.provinceName}</div></Td>
            <Td className="whitespace-nowrap">{r.expertName}<div className="text-xs text-slate-500">{r.expertProvinceName}</div></Td>
            <Td className="min-w-48"><span className="text-xs text-slate-600">{SERVICE_FORM_LABEL[r.form]}</span><p className="line-clamp-2">{r.content}</p></Td>
            <Td className="text-right tabular-nums">{formatNumber(r.hours)}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{r.peopleServed} / {r.peopleTrained}</Td>
            <Td className="whitespace-nowrap text-right tabular-nums">{r.techniquesPromoted} 项 / {formatNumber(r.incomeEffect)} 万元</Td>
          </tr>
        ))}
      </TBody>
    </Table>
  );
}
