"use client";
import { FileList, type FileItem } from "@/components/ui/file-list";
import { removeChallengeFileAction, uploadChallengeFileAction } from "@/lib/challenges/actions";

export type ChallengeFile = FileItem;

/** A challenge's attachments (technical files, drawings): download links; upload and delete while the enterprise may edit. */
export function ChallengeFiles({ challengeId, items, editable }: { challengeId: string; items: ChallengeFile[]; editable: boolean }) {
  return (
    <FileList items={items} editable={editable} upload={uploadChallengeFileAction} remove={removeChallengeFileAction}
      owner={{ name: "challengeId", value: challengeId }} inputId={`challenge-file-${challengeId}`} noun="附件" listLabel="题目附件" />
  );
}
