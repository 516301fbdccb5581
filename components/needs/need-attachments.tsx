"use client";
import { FileList, type FileItem } from "@/components/ui/file-list";
import { removeAttachmentAction, uploadAttachmentAction } from "@/lib/needs/actions";

export type AttachmentItem = FileItem;

/** Attachments of a need: download links for readers; upload and delete while the need is editable. */
export function NeedAttachments({ needId, items, editable }: { needId: string; items: AttachmentItem[]; editable: boolean }) {
  return (
    <FileList items={items} editable={editable} upload={uploadAttachmentAction} remove={removeAttachmentAction}
      owner={{ name: "needId", value: needId }} inputId="file" noun="附件" listLabel="附件列表" />
  );
}
