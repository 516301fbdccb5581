import type { Metadata } from "next";
import Link from "next/link";
import { CertificateContentsView } from "@/components/certificates/certificate-contents";
import { verifyCode } from "@/lib/certificates/queries";
import { verificationCodeSchema, verifySearchSchema } from "@/lib/certificates/schemas";
import { formatDateTime } from "@/lib/format";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "服务证明核验结果" };
export const dynamic = "force-dynamic";

const VERDICT = {
  VALID: { title: "有效：该服务证明由本平台开具，内容如下", tone: "bg-emerald-50 text-emerald-900 ring-emerald-200" },
  REVOKED: { title: "已撤销：该服务证明已被撤销，不再有效", tone: "bg-red-50 text-red-900 ring-red-200" },
  ALTERED: { title: "内容不符：该服务证明可能已被篡改", tone: "bg-red-50 text-red-900 ring-red-200" },
} as const;

export default async function VerifyCodePage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: SearchParams }) {
  const { code: raw } = await params;
  const { d } = verifySearchSchema.parse(await firstValues(searchParams));
  const parsed = verificationCodeSchema.safeParse(decodeURIComponent(raw));
  const result = parsed.success ? await verifyCode(parsed.data, d) : null;
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold text-slate-900">服务证明核验结果</h1>
      <p className="mt-1 font-mono text-sm text-slate-600">验证码 {parsed.success ? parsed.data : raw}</p>
      {!result || result.status === "NOT_FOUND" ? (
        <p role="status" className="mt-6 rounded-md bg-amber-50 px-4 py-3 text-amber-900 ring-1 ring-amber-200">
          未找到：本平台没有开具过该验证码的服务证明，请核对验证码是否输入正确。
        </p>
      ) : (
        <>
          <div role="status" className={`mt-6 rounded-md px-4 py-3 ring-1 ${VERDICT[result.status].tone}`}>
            <p className="text-lg font-semibold">{VERDICT[result.status].title}</p>
            {result.problem && <p className="mt-1 text-sm">{result.problem}</p>}
            {result.status === "REVOKED" && (
              <p className="mt-1 text-sm">撤销时间：{formatDateTime(result.revokedAt)}；原因：{result.revokeReason}</p>
            )}
          </div>
          <section className="mt-6 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-labelledby="registered">
            <h2 id="registered" className="mb-3 text-base font-semibold text-slate-800">平台登记的证明内容</h2>
            <CertificateContentsView contents={result.contents} />
            <p className="mt-4 text-sm text-slate-600">
              开具时间 {formatDateTime(result.issuedAt)} · 校验位 <span className="font-mono">{result.checkDigits}</span>。
              请逐项核对所持证明与上述内容是否一致。
            </p>
          </section>
        </>
      )}
      <p className="mt-6 text-sm"><Link href="/verify" className="text-brand-700 underline">核验其他服务证明</Link></p>
    </div>
  );
}
