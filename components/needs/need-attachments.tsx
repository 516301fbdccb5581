"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input } from "@/components/ui/form-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { formatBytes } from "@/lib/format";
import { removeAttachmentAction, uploadAttachmentAction } from "@/lib/needs/actions";
import { ACCEPT_HINT, ACCEPTED_EXTENSIONS, MAX_ATTACHMENT_BYTES } from "@/lib/storage/sniff";

export type AttachmentItem = { id: string; fileName: string; sizeBytes: number; uploadedAt: string };


function RemoveButton({ item }: { item: AttachmentItem }) {
  const remove = useFormAction(removeAttachmentAction);
  return (
    <ConfirmButton form={remove} fields={{ attachmentId: item.id }} label="删除" ariaLabel={`删除附件 ${item.fileName}`} variant="ghost"
      size="sm" compact question="确认删除？" confirmAriaLabel={`确认删除附件 ${item.fileName}`} />
  );
}

/** Attachments of a need: download links for readers; upload and delete while the need is editable. */
export function NeedAttachments({ needId, items, editable }: { needId: string; items: AttachmentItem[]; editable: boolean }) {
  const upload = useFormAction(uploadAttachmentAction);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const errors = tooBig ? { file: [tooBig] } : upload.fieldErrors;
  // Say so before sending 20 MB over the wire; the server checks again (and checks the content) in any case.
  function checkSize(event: React.FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get("file");
    if (file instanceof File && file.size > MAX_ATTACHMENT_BYTES) {
      event.preventDefault();
      setTooBig("文件超过 20 MB，请压缩或拆分后再上传");
    } else setTooBig(null);
  }
  return (
    <div className="space-y-4">
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">暂无附件。</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="附件列表">
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
        <form action={upload.action} onSubmit={checkSize} className="space-y-2">
          <input type="hidden" name="needId" value={needId} />
          <FormField id="file" label="上传附件" hint={ACCEPT_HINT} errors={errors.file}>
            {(a) => <Input {...a} name="file" type="file" accept={ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(",")} required />}
          </FormField>
          <Button type="submit" variant="secondary" disabled={upload.pending}>{upload.pending ? "正在上传…" : "上传"}</Button>
          {!errors.file && <FieldError errors={upload.error} alert />}
          {upload.state?.ok && <p role="status" className="text-sm text-emerald-800">{upload.state.message}</p>}
        </form>
      )}
    </div>
  );
}
