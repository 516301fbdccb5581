"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input } from "@/components/ui/form-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { removeChallengeFileAction, uploadChallengeFileAction } from "@/lib/challenges/actions";
import { formatBytes } from "@/lib/format";
import { ACCEPT_HINT, ACCEPTED_EXTENSIONS } from "@/lib/storage/sniff";

export type ChallengeFile = { id: string; fileName: string; sizeBytes: number; uploadedAt: string };

function RemoveButton({ item }: { item: ChallengeFile }) {
  const remove = useFormAction(removeChallengeFileAction);
  return (
    <ConfirmButton form={remove} fields={{ attachmentId: item.id }} label="删除" ariaLabel={`删除附件 ${item.fileName}`} variant="ghost"
      size="sm" compact question="确认删除？" confirmAriaLabel={`确认删除附件 ${item.fileName}`} />
  );
}

/** A challenge's attachments (technical files, drawings): download links; upload and delete while the enterprise may edit. */
export function ChallengeFiles({ challengeId, items, editable }: { challengeId: string; items: ChallengeFile[]; editable: boolean }) {
  const upload = useFormAction(uploadChallengeFileAction);
  return (
    <div className="space-y-3">
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">暂无附件。</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="题目附件">
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <a href={`/api/attachments/${item.id}`} className="text-brand-700 underline hover:text-brand-800">{item.fileName}</a>
                <span className="ml-2 text-xs text-slate-600">{formatBytes(item.sizeBytes)} · {item.uploadedAt}</span>
              </span>
              {editable && <RemoveButton item={item} />}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form action={upload.action} className="space-y-2">
          <input type="hidden" name="challengeId" value={challengeId} />
          <FormField id={`challenge-file-${challengeId}`} label="上传附件" hint={ACCEPT_HINT} errors={upload.fieldErrors.file}>
            {(a) => <Input {...a} name="file" type="file" accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(",")} required />}
          </FormField>
          <Button type="submit" variant="secondary" disabled={upload.pending}>{upload.pending ? "正在上传…" : "上传"}</Button>
          {!upload.fieldErrors.file && <FieldError errors={upload.error} alert />}
          {upload.state?.ok && <p role="status" className="text-sm text-emerald-800">{upload.state.message}</p>}
        </form>
      )}
    </div>
  );
}
