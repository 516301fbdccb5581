import type { Metadata } from "next";
import Link from "next/link";
import { CertificateContentsView } from "@/components/certificates/certificate-contents";
import { RevokeCertificateForm } from "@/components/certificates/certificate-forms";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { certificateActions, certificateInScope } from "@/lib/certificates/queries";
import { formatDateTime } from "@/lib/format";
import { CERTIFICATE_STATE_LABEL } from "@/lib/labels";

export const metadata: Metadata = { title: "服务证明" };

export default async function CertificatePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record: c } = await loadInScope({ path: `/certificates/${id}`, ...certificateInScope(id) });
  const allowed = certificateActions(user, c);
  return (
    <>
      <PageHeader
        title={`服务证明 ${c.code}`}
        subtitle={<>专家 {c.expert.name} · 开具于 {formatDateTime(c.issuedAt)} · <Badge tone={c.state === "VALID" ? "success" : "danger"}>{CERTIFICATE_STATE_LABEL[c.state]}</Badge></>}
        actions={<a href={`/api/certificates/${c.id}/pdf`} className="rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800">下载 PDF</a>}
      />
      <div className="space-y-6">
        {c.state === "REVOKED" && (
          <p role="status" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
            该服务证明已于 {formatDateTime(c.revokedAt)} 撤销。原因：{c.revokeReason}
          </p>
        )}
        <Card title="证明内容">
          <CertificateContentsView contents={c.contents} />
        </Card>
        <Card title="核验">
          <p className="text-sm text-slate-700">
            验证码 <span className="font-mono">{c.code}</span>，校验位 <span className="font-mono">{c.checkDigits}</span>。
            公开核验页：<Link href={`/verify/${c.code}?d=${c.checkDigits}`} className="text-brand-700 underline">/verify/{c.code}</Link>
          </p>
        </Card>
        {allowed.revoke && (
          <Card title="撤销">
            <RevokeCertificateForm certificateId={c.id} version={c.version} />
          </Card>
        )}
      </div>
    </>
  );
}
