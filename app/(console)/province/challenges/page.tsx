import type { Metadata } from "next";
import { GovernmentChallengeList } from "@/components/challenges/government-challenge-list";
import { requirePermission } from "@/lib/auth/session";
import type { SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "揭榜挂帅发榜与管理" };

export default async function ProvinceChallengesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/province/challenges", "challenge.publish");
  return (
    <GovernmentChallengeList user={user} searchParams={searchParams} path="/province/challenges" title="揭榜挂帅发榜与管理"
      subtitle="本省企业提出的揭榜挂帅题目：审核发榜、截止揭榜、组织评审（回避）、挂帅、中期检查与验收" />
  );
}
