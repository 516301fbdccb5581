"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FormField, Input } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { issueCertificateAction, revokeCertificateAction } from "@/lib/certificates/actions";

/** The expert issues a certificate of their confirmed service, for a period or all of it. */
export function IssueCertificateForm({ disabled }: { disabled: boolean }) {
  const issue = useFormAction(issueCertificateAction);
  const issued = issue.state?.ok ? issue.state.data : null;
  return (
    <form onSubmit={issue.onSubmit} className="space-y-3" aria-label="开具服务证明" noValidate>
      <div className="grid gap-3 sm:grid-cols-3">
        <FormField id="cert-from" label="服务期间自（可选）" errors={issue.fieldErrors.from}>
          {(a) => <Input {...a} type="date" name="from" />}
        </FormField>
        <FormField id="cert-to" label="至（可选）" errors={issue.fieldErrors.to}>
          {(a) => <Input {...a} type="date" name="to" />}
        </FormField>
      </div>
      <Button type="submit" disabled={disabled || issue.pending}>{issue.pending ? "正在开具…" : "开具服务证明"}</Button>
      <Outcome state={issue.state} />
      {issued && (
        <p className="text-sm">
          <a href={`/api/certificates/${issued.id}/pdf`} className="text-brand-700 underline">下载服务证明 PDF（{issued.code}）</a>
          {" · "}
          <Link href={`/certificates/${issued.id}`} className="text-brand-700 underline">查看详情</Link>
        </p>
      )}
    </form>
  );
}

/** The province revokes a certificate with a reason, asked first (it cannot be undone). */
export function RevokeCertificateForm({ certificateId, version }: { certificateId: string; version: number }) {
  const revoke = useFormAction(revokeCertificateAction);
  if (revoke.done) return <Outcome state={revoke.state} />;
  return (
    <ConfirmButton form={revoke} fields={{ certificateId, version }} label="撤销服务证明" variant="danger" formLabel="撤销服务证明"
      reason={{ label: "撤销原因（将告知专家，并在公开核验页显示）" }}
      question="撤销后，核验页将显示该证明“已撤销”及原因，且不能恢复。" confirm="确认撤销" cancelLabel="返回" tone="danger" />
  );
}
