import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ChallengeForm } from "@/components/challenges/challenge-form";
import { PageHeader } from "@/components/ui/page-header";
import { requirePermission } from "@/lib/auth/session";
import { enterpriseOfUser } from "@/lib/challenges/queries";
import { disciplineOptions } from "@/lib/reference/queries";

export const metadata: Metadata = { title: "我要出题" };

export default async function NewChallengePage() {
  const user = await requirePermission("/enterprise/challenges/new", "challenge.create");
  const [enterprise, disciplines] = await Promise.all([enterpriseOfUser(user), disciplineOptions()]);
  if (!enterprise) notFound();
  return (
    <div className="space-y-6">
      <PageHeader title="我要出题" subtitle="写清需要攻关的问题和需达到的技术指标；验收时逐条对照" />
      <ChallengeForm disciplines={disciplines} enterpriseName={enterprise.name} />
    </div>
  );
}
