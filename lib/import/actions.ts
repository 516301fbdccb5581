"use server";
import { defineAction, type ActionResult } from "@/lib/actions/pipeline";
import { cancelImportOp, commitImportOp } from "@/lib/import/operations";

const revalidate = { revalidate: { path: "/imports", type: "layout" as const } };
const commitExperts = defineAction(commitImportOp("EXPERTS"), revalidate);
const commitNeeds = defineAction(commitImportOp("NEEDS"), revalidate);
const cancelExperts = defineAction(cancelImportOp("EXPERTS"), revalidate);
const cancelNeeds = defineAction(cancelImportOp("NEEDS"), revalidate);

const isNeeds = (raw: FormData | Record<string, unknown>) => (raw instanceof FormData ? raw.get("kind") : raw.kind) === "NEEDS";

/** Commit a job's good rows (the job's kind picks the operation checked; a mismatch finds no job). */
export async function commitImportAction(prev: ActionResult<{ committedRows: number }> | null, raw: FormData | Record<string, unknown>) {
  return (isNeeds(raw) ? commitNeeds : commitExperts)(prev, raw);
}

/** Commit nothing. */
export async function cancelImportAction(prev: ActionResult<null> | null, raw: FormData | Record<string, unknown>) {
  return (isNeeds(raw) ? cancelNeeds : cancelExperts)(prev, raw);
}
