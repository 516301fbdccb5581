"use client";
import { FileList, type FileItem } from "@/components/ui/file-list";
import {
  removeApplicationEvidenceAction, removeRectificationEvidenceAction, uploadApplicationEvidenceAction, uploadRectificationEvidenceAction,
} from "@/lib/bases/actions";
import type { EvidenceKind } from "@/lib/bases/schemas";

export type EvidenceItem = FileItem;

const ACTIONS = {
  application: { upload: uploadApplicationEvidenceAction, remove: removeApplicationEvidenceAction },
  rectification: { upload: uploadRectificationEvidenceAction, remove: removeRectificationEvidenceAction },
};

/** Evidence files (of an application or of a rectification answer): download links; upload and delete while editable. */
export function EvidenceFiles({ kind, ownerId, items, editable, label }: { kind: EvidenceKind; ownerId: string; items: EvidenceItem[]; editable: boolean; label: string }) {
  return (
    <FileList items={items} editable={editable} upload={ACTIONS[kind].upload} remove={ACTIONS[kind].remove}
      owner={{ name: "ownerId", value: ownerId }} inputId={`evidence-${kind}-${ownerId}`} noun="佐证材料" listLabel={label} />
  );
}
