import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { EMPTY_PROFILE, ExpertProfileForm } from "@/components/experts/expert-profile-form";
import { listScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { createExpertAction } from "@/lib/experts/actions";
import { profileFormOptions } from "@/lib/experts/form-options";

export const metadata: Metadata = { title: "录入专家" };

export default async function NewExpertPage() {
  const user = await requirePermission("/experts/new", "expert.create");
  const scope = listScope(user, "expert.create");
  // A province enters experts of its own province only (checked again by the action from the chosen region).
  const province = scope && !scope.all && scope.provinceCodes.length === 1 ? scope.provinceCodes[0] : undefined;
  const options = await profileFormOptions(province);
  return (
    <>
      <PageHeader title="录入专家" subtitle="录入本省专家信息，可同时为专家开通登录账号。联系方式属于个人信息，对外脱敏显示。" />
      <ExpertProfileForm mode="create" action={createExpertAction} defaults={EMPTY_PROFILE} {...options} cancelHref="/experts" createdHref="/experts" />
    </>
  );
}
