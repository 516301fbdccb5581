import { Badge } from "@/components/ui/badge";
import { PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL } from "@/lib/labels";
import type { ProfessionalTitle, TalentCategory } from "@/lib/generated/prisma/enums";

/** Title and talent categories, the facts the library criteria look at. */
export function TitleAndCategories({ title, talentCategories }: { title: ProfessionalTitle; talentCategories: TalentCategory[] }) {
  return (
    <span className="flex flex-wrap items-center gap-1">
      <span className="whitespace-nowrap">{PROFESSIONAL_TITLE_LABEL[title]}</span>
      {talentCategories.map((c) => <Badge key={c} tone="brand">{TALENT_CATEGORY_LABEL[c]}</Badge>)}
    </span>
  );
}
