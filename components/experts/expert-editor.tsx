import { Card } from "@/components/ui/card";
import { AchievementsEditor } from "@/components/experts/achievements-editor";
import { AvailabilityEditor } from "@/components/experts/availability-editor";
import { toDateString } from "@/components/experts/expert-detail-view";
import { ExpertProfileForm } from "@/components/experts/expert-profile-form";
import { PersonalDataPanel } from "@/components/experts/personal-data";
import { updateExpertAction } from "@/lib/experts/actions";
import { profileDefaults, type profileFormOptions } from "@/lib/experts/form-options";
import type { ExpertDetail } from "@/lib/experts/queries";

type Props = {
  e: ExpertDetail;
  options: Awaited<ReturnType<typeof profileFormOptions>>;
  canViewPersonal: boolean;
  cancelHref: string;
  selfEdit?: boolean;
};

/** Editing a profile: the main form (optimistic lock), achievements, availability, and the contact details. */
export function ExpertEditor({ e, options, canViewPersonal, cancelHref, selfEdit }: Props) {
  return (
    <div className="space-y-6">
      <ExpertProfileForm mode="edit" action={updateExpertAction} defaults={profileDefaults(e)} {...options}
        cancelHref={cancelHref} selfEdit={selfEdit} />
      <Card title="代表性成果">
        <AchievementsEditor expertId={e.id} items={e.achievements} editable />
      </Card>
      <Card title="服务时段与不可服务日期">
        <AvailabilityEditor expertId={e.id} editable
          items={e.availability.map((a) => ({ ...a, startsOn: toDateString(a.startsOn), endsOn: toDateString(a.endsOn) }))} />
      </Card>
      <Card title="当前联系方式">
        <PersonalDataPanel expertId={e.id} masked={e.personal} canReveal={canViewPersonal} />
      </Card>
    </div>
  );
}
