import type { Metadata } from "next";
import { GovernmentChallengeList } from "@/components/challenges/government-challenge-list";
import { requirePermission } from "@/lib/auth/session";
import type { SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "揭榜挂帅（国家级）" };

export default async function MinistryChallengesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/ministry/challenges", "challenge.publish");
  return (
    <GovernmentChallengeList user={user} searchParams={searchParams} path="/ministry/challenges" title="揭榜挂帅（国家级）" national
      subtitle="国家级揭榜挂帅题目的审核发榜、评审、挂帅与验收，以及全国题目总览" />
  );
}
