"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input } from "@/components/ui/form-field";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  removeApplicationEvidenceAction, removeRectificationEvidenceAction, uploadApplicationEvidenceAction, uploadRectificationEvidenceAction,
} from "@/lib/bases/actions";
import type { EvidenceKind } from "@/lib/bases/schemas";
import { formatBytes } from "@/lib/format";
import { ACCEPT_HINT, ACCEPTED_EXTENSIONS } from "@/lib/storage/sniff";

export type EvidenceItem = { id: string; fileName: string; sizeBytes: number; uploadedAt: string };

const ACTIONS = {
  application: { upload: uploadApplicationEvidenceAction, remove: removeApplicationEvidenceAction },
  rectification: { upload: uploadRectificationEvidenceAction, remove: removeRectificationEvidenceAction },
};

function RemoveButton({ kind, item }: { kind: EvidenceKind; item: EvidenceItem }) {
  const remove = useFormAction(ACTIONS[kind].remove);
  return (
    <ConfirmButton form={remove} fields={{ attachmentId: item.id }} label="删除" ariaLabel={`删除佐证材料 ${item.fileName}`} variant="ghost"
      size="sm" compact question="确认删除？" confirmAriaLabel={`确认删除佐证材料 ${item.fileName}`} />
  );
}

/** Evidence files (of an application or of a rectification answer): download links; upload and delete while editable. */
export function EvidenceFiles({ kind, ownerId, items, editable, label }: { kind: EvidenceKind; ownerId: string; items: EvidenceItem[]; editable: boolean; label: string }) {
  const upload = useFormAction(ACTIONS[kind].upload);
  const inputId = `evidence-${kind}-${ownerId}`;
  return (
    <div className="space-y-3">
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">暂无佐证材料。</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={label}>
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <a href={`/api/attachments/${item.id}`} className="text-brand-700 underline hover:text-brand-800">{item.fileName}</a>
                <span className="ml-2 text-xs text-slate-600">{formatBytes(item.sizeBytes)} · {item.uploadedAt}</span>
              </span>
              {editable && <RemoveButton kind={kind} item={item} />}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form action={upload.action} className="space-y-2">
          <input type="hidden" name="ownerId" value={ownerId} />
          <FormField id={inputId} label="上传佐证材料" hint={ACCEPT_HINT} errors={upload.fieldErrors.file}>
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
