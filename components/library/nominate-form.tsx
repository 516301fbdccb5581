"use client";
import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { Button, LinkButton } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { nominateAction } from "@/lib/library/actions";
import { criteriaChecks, type NominationCandidate } from "@/lib/library/criteria";

type Props = { expertId: string; expertName: string; candidate: NominationCandidate };

/**
 * The nomination: the same criteria the server applies, re-checked as the declarations are ticked, then the reason.
 * Criteria the province cannot change here (title, membership, profile state) disable the submit button.
 */
export function NominateForm({ expertId, expertName, candidate }: Props) {
  const router = useRouter();
  const submit = useFormAction(nominateAction);
  const { state, pending, fieldErrors: errors } = submit;
  const [willing, setWilling] = useState(false);
  const [healthy, setHealthy] = useState(false);
  const checks = criteriaChecks(candidate, { willing, healthy });
  const blocked = checks.some((c) => !c.ok && c.key !== "willing" && c.key !== "healthy");
  useEffect(() => {
    if (state?.ok) router.push("/library");
  }, [state, router]);

  return (
    <form onSubmit={submit.onSubmit} className="max-w-3xl space-y-5 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200" noValidate>
      <input type="hidden" name="expertId" value={expertId} />
      <section aria-labelledby="criteria-heading">
        <h2 id="criteria-heading" className="text-base font-semibold text-slate-800">入库条件核对</h2>
        <ul className="mt-2 space-y-1 text-sm" aria-live="polite">
          {checks.map((c) => (
            <li key={c.key} className={cn("flex items-start gap-2", c.ok ? "text-emerald-800" : "text-red-700")}>
              <span aria-hidden="true">{c.ok ? "✓" : "✗"}</span>
              <span>{c.label}{c.ok ? "（符合）" : `（不符合：${c.problem}）`}</span>
            </li>
          ))}
        </ul>
      </section>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">本人声明（经与专家本人核实后勾选）</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="willing" checked={willing} onChange={(e) => setWilling(e.target.checked)}
            aria-describedby={errors.willing ? "willing-error" : undefined} />
          本人自愿参加专家服务基层活动
        </label>
        <FieldError id="willing-error" errors={errors.willing} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="healthy" checked={healthy} onChange={(e) => setHealthy(e.target.checked)}
            aria-describedby={errors.healthy ? "healthy-error" : undefined} />
          身体健康，能够承担服务任务
        </label>
        <FieldError id="healthy-error" errors={errors.healthy} />
      </fieldset>
      <FormField id="reason" label="推荐理由" errors={errors.reason} hint="专业能力、服务基层经历等（10–1000 字）">
        {(a) => <Textarea {...a} name="reason" rows={5} maxLength={1000} required />}
      </FormField>
      <FieldError errors={errors.expertId} />
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending || blocked || state?.ok} aria-label={`提交对 ${expertName} 的推荐`}>
          {pending ? "提交中…" : "提交推荐"}
        </Button>
        <LinkButton href="/library/nominate" variant="secondary">返回</LinkButton>
        {blocked && <p className="text-sm text-slate-600">该专家不符合上述条件，不能推荐。</p>}
      </div>
      <Outcome state={state} />
    </form>
  );
}
