"use client";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input } from "@/components/ui/form-field";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/actions/pipeline";
import { formatBytes } from "@/lib/format";
import { ACCEPT_HINT, ACCEPTED_EXTENSIONS, MAX_ATTACHMENT_BYTES } from "@/lib/storage/sniff";

export type FileItem = { id: string; fileName: string; sizeBytes: number; uploadedAt: string };

type FileAction = (prev: never, payload: FormData | Record<string, unknown>) => Promise<ActionResult<unknown>>;

type Props = {
  items: FileItem[];
  editable: boolean;
  upload: FileAction;
  remove: FileAction;
  /** The hidden field naming what the files belong to (e.g. needId). */
  owner: { name: string; value: string };
  inputId: string;
  /** What one file is called (附件, 佐证材料) and the list's accessible name. */
  noun: string;
  listLabel: string;
};

const ACCEPT = ACCEPTED_EXTENSIONS.map((e) => `.${e}`).join(",");

function RemoveButton({ item, remove, noun }: { item: FileItem; remove: FileAction; noun: string }) {
  const form = useFormAction(remove);
  return (
    <ConfirmButton form={form} fields={{ attachmentId: item.id }} label="删除" ariaLabel={`删除${noun} ${item.fileName}`} variant="ghost"
      size="sm" compact question="确认删除？" confirmAriaLabel={`确认删除${noun} ${item.fileName}`} />
  );
}

/** Attached files of a record (need, challenge, base evidence): download links; upload and delete while editable. */
export function FileList({ items, editable, upload, remove, owner, inputId, noun, listLabel }: Props) {
  const send = useFormAction(upload);
  const [tooBig, setTooBig] = useState<string | null>(null);
  const errors = tooBig ? { file: [tooBig] } : send.fieldErrors;
  // Say so before sending 20 MB over the wire; the server checks again (and checks the content) in any case.
  function checkSize(event: FormEvent<HTMLFormElement>) {
    const file = new FormData(event.currentTarget).get("file");
    if (file instanceof File && file.size > MAX_ATTACHMENT_BYTES) {
      event.preventDefault();
      setTooBig("文件超过 20 MB，请压缩或拆分后再上传");
    } else setTooBig(null);
  }
  return (
    <div className="space-y-3">
      {items.length === 0 ? (
        <p className="text-sm text-slate-600">暂无{noun}。</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label={listLabel}>
          {items.map((item) => (
            <li key={item.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span>
                <a href={`/api/attachments/${item.id}`} className="text-brand-700 underline hover:text-brand-800">{item.fileName}</a>
                <span className="ml-2 text-xs text-slate-600">{formatBytes(item.sizeBytes)} · {item.uploadedAt}</span>
              </span>
              {editable && <RemoveButton item={item} remove={remove} noun={noun} />}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form action={send.action} onSubmit={checkSize} className="space-y-2">
          <input type="hidden" name={owner.name} value={owner.value} />
          <FormField id={inputId} label={`上传${noun}`} hint={ACCEPT_HINT} errors={errors.file}>
            {(a) => <Input {...a} name="file" type="file" accept={ACCEPT} required />}
          </FormField>
          <Button type="submit" variant="secondary" disabled={send.pending}>{send.pending ? "正在上传…" : "上传"}</Button>
          {!errors.file && <FieldError errors={send.error} alert />}
          {send.state?.ok && <p role="status" className="text-sm text-emerald-800">{send.state.message}</p>}
        </form>
      )}
    </div>
  );
}
