import { BaseDetailView } from "@/components/bases/base-detail";
import { EvaluateForm, NationalDecisionForm, ReEvaluateButtons, RectifyForm, ReviewBaseForm } from "@/components/bases/base-forms";
import { PageHeader } from "@/components/ui/page-header";
import type { SessionUser } from "@/lib/auth/roles";
import { chinaDay } from "@/lib/calendar/china-time";
import { rectificationDeadline } from "@/lib/bases/deadline";
import type { BaseDetail } from "@/lib/bases/queries";
import { BASE_WORKFLOW, RECTIFICATION_WORKFLOW } from "@/lib/bases/workflow";
import { can } from "@/lib/auth/permissions";

/** The province's and the ministry's detail page of a base: the record, its timeline and the decisions they may take. */
export function ManageBase({ user, base }: { user: SessionUser; base: BaseDetail }) {
  const scope = { provinceCode: base.provinceCode, organizationId: base.hostOrgId };
  const allowed = BASE_WORKFLOW.allowed(user, base.state, scope);
  const thisYear = chinaDay().getUTCFullYear();
  const evaluated = new Set(base.evaluations.map((e) => e.year));
  const years = [thisYear, thisYear - 1, thisYear - 2].filter((y) => !evaluated.has(y));
  const unqualified = base.evaluations.find((e) => e.grade === "UNQUALIFIED");
  const mayRectify = can(user, "base.rectify", scope);
  return (
    <>
      <PageHeader title={base.name} subtitle={`${base.hostOrg.name} · ${base.region.name}`} />
      <BaseDetailView
        base={base}
        actions={
          <>
            {(allowed.approve || allowed.return || allowed.reject) && <ReviewBaseForm baseId={base.id} version={base.version} national={base.level === "NATIONAL"} />}
            {allowed.approveNational && <NationalDecisionForm baseId={base.id} version={base.version} />}
            {allowed.evaluate && years.length > 0 && <EvaluateForm baseId={base.id} years={years} />}
            {allowed.rectify && (
              <RectifyForm baseId={base.id} version={base.version} defaultDeadline={rectificationDeadline().toISOString().slice(0, 10)}
                evaluationYear={unqualified?.year} />
            )}
          </>
        }
        orderActions={(o) =>
          mayRectify && RECTIFICATION_WORKFLOW.canStep("fail", o.state) && base.state === "RECTIFYING" ? (
            <ReEvaluateButtons orderId={o.id} canPass={RECTIFICATION_WORKFLOW.canStep("pass", o.state)} />
          ) : null
        }
      />
    </>
  );
}
