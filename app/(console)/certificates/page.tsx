import type { Metadata } from "next";
import { CertificateContentsView } from "@/components/certificates/certificate-contents";
import { IssueCertificateForm } from "@/components/certificates/certificate-forms";
import { CertificateTable } from "@/components/certificates/certificate-table";
import { Card } from "@/components/ui/card";
import { ListPage } from "@/components/ui/list-page";
import { keywordField } from "@/components/ui/search-form";
import { holds, listScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { myCertificatePreview, searchCertificates } from "@/lib/certificates/queries";
import { certificateSearchSchema } from "@/lib/certificates/schemas";
import { formatNumber } from "@/lib/format";
import { CERTIFICATE_STATE_LABEL } from "@/lib/labels";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "服务证明" };

export default async function CertificatesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/certificates", "certificate.read");
  const search = certificateSearchSchema.parse(await firstValues(searchParams));
  const issuer = holds(user, "certificate.issue");
  const [result, preview] = await Promise.all([searchCertificates(user, search), issuer ? myCertificatePreview(user) : null]);
  const scope = listScope(user, "certificate.read");
  const ownOnly = !!scope && !scope.all && !scope.provinceCodes.length;
  const intro = issuer ? (
    <div className="mb-6">
      <Card title="开具服务证明">
        <p className="mb-3 text-sm text-slate-600">
          服务证明只计入经服务单位确认的服务记录，可用于职称评聘、项目申报和继续教育。证明带验证码和二维码，任何人可在公开核验页核对。
        </p>
        {preview?.contents ? (
          <details className="mb-4 rounded-md bg-slate-50 p-3">
            <summary className="cursor-pointer text-sm font-medium text-slate-700">按全部已确认服务开具时，证明将载明：</summary>
            <div className="mt-3"><CertificateContentsView contents={preview.contents} /></div>
          </details>
        ) : (
          <p className="mb-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
            尚无经服务单位确认的服务记录，暂不能开具服务证明{preview?.unconfirmed ? `（有 ${preview.unconfirmed} 条记录待确认或有异议）` : ""}。
          </p>
        )}
        <IssueCertificateForm disabled={!preview?.contents} />
      </Card>
    </div>
  ) : undefined;
  return (
    <ListPage
      title="服务证明"
      subtitle={ownOnly ? "您开具的服务证明；下载 PDF，或把验证码告诉核验方" : "专家开具的服务证明：核对内容，必要时撤销（须写明原因）"}
      path="/certificates"
      values={queryValues(search)}
      intro={intro}
      search={{
        label: "服务证明查询",
        fields: [
          keywordField(ownOnly ? "验证码" : "验证码或专家姓名"),
          { kind: "select", name: "state", label: "状态", choices: CERTIFICATE_STATE_LABEL, all: "全部" },
        ],
      }}
      count={`共 ${formatNumber(result.total)} 份服务证明`}
      empty={result.rows.length === 0 && { title: "没有服务证明", body: issuer ? "开具后将在此列出。" : "没有符合条件的服务证明。" }}
      page={result}
    >
      <CertificateTable rows={result.rows} showExpert={!ownOnly} />
    </ListPage>
  );
}
