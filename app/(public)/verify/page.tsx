import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/ui/button";
import { FormField, Input } from "@/components/ui/form-field";
import { verificationCodeSchema, verifySearchSchema } from "@/lib/certificates/schemas";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "服务证明核验" };

/** The public form: type the code (and the check digits) printed on a certificate. */
export default async function VerifyPage({ searchParams }: { searchParams: SearchParams }) {
  const search = verifySearchSchema.parse(await firstValues(searchParams));
  const parsed = search.code ? verificationCodeSchema.safeParse(search.code) : null;
  if (parsed?.success) {
    const digits = search.d?.trim();
    redirect(`/verify/${parsed.data}${digits ? `?d=${encodeURIComponent(digits.toUpperCase())}` : ""}`);
  }
  const error = parsed && !parsed.success ? parsed.error.issues[0]?.message : undefined;
  return (
    <div className="mx-auto max-w-2xl px-4 py-10">
      <h1 className="text-2xl font-semibold text-slate-900">服务证明核验</h1>
      <p className="mt-2 text-sm text-slate-600">
        输入专家服务证明上的验证码（如 FW-2026-7K3MA-9QXPD），可核对证明是否由本平台开具、内容是否与登记一致、是否已被撤销。
        填写证明上的校验位可进一步识别涂改。
      </p>
      <form action="/verify" method="get" className="mt-6 space-y-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200" aria-label="服务证明核验">
        <FormField id="verify-code" label="验证码" errors={error ? [error] : undefined}>
          {(a) => <Input {...a} name="code" defaultValue={search.code} required autoComplete="off" maxLength={40} />}
        </FormField>
        <FormField id="verify-digits" label="校验位（可选）" hint="证明上验证码下方的 12 位字符">
          {(a) => <Input {...a} name="d" defaultValue={search.d} autoComplete="off" maxLength={24} />}
        </FormField>
        <Button type="submit">核验</Button>
      </form>
    </div>
  );
}
