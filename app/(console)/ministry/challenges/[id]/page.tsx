import type { Metadata } from "next";
import { ManageChallenge } from "@/components/challenges/manage-challenge";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { challengeInScope, governmentView } from "@/lib/challenges/queries";

export const metadata: Metadata = { title: "揭榜挂帅题目" };

export default async function MinistryChallengePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, record } = await loadInScope({ path: `/ministry/challenges/${id}`, ...challengeInScope(id) });
  const view = await governmentView(user, record);
  return <ManageChallenge c={record} allowed={view.allowed} reviewers={view.reviewers} />;
}
