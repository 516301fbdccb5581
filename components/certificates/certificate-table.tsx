import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import type { CertificateListRow } from "@/lib/certificates/queries";
import { formatDate } from "@/lib/format";
import { CERTIFICATE_STATE_LABEL } from "@/lib/labels";

export function CertificateTable({ rows, showExpert }: { rows: CertificateListRow[]; showExpert: boolean }) {
  const columns: Column<CertificateListRow>[] = [
    { header: "验证码", className: "whitespace-nowrap font-mono", cell: (c) => <Link href={`/certificates/${c.id}`} className="text-brand-700 underline">{c.code}</Link> },
    ...(showExpert ? [{ header: "专家", cell: (c: CertificateListRow) => `${c.expertName}（${c.employer}）` }] : []),
    { header: "服务期间", className: "whitespace-nowrap", cell: (c) => `${c.period.from} 至 ${c.period.to}` },
    { header: "时长", className: "whitespace-nowrap", cell: (c) => `${c.hours} 小时 / ${c.days} 天` },
    { header: "服务单位", className: "whitespace-nowrap", cell: (c) => `${c.units} 个` },
    { header: "开具日期", className: "whitespace-nowrap", cell: (c) => formatDate(c.issuedAt) },
    {
      header: "状态", className: "whitespace-nowrap",
      cell: (c) => <Badge tone={c.state === "VALID" ? "success" : "danger"}>{CERTIFICATE_STATE_LABEL[c.state]}</Badge>,
    },
    { header: "下载", className: "whitespace-nowrap", cell: (c) => <a href={`/api/certificates/${c.id}/pdf`} className="text-brand-700 underline" aria-label={`下载服务证明 ${c.code}`}>PDF</a> },
  ];
  return <DataTable caption="服务证明" columns={columns} rows={rows} rowKey={(c) => c.id} />;
}
