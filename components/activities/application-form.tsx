"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { RegionSelect, type RegionChoice } from "@/components/pickers/region-select";
import { Button } from "@/components/ui/button";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { createApplicationAction, updateApplicationAction } from "@/lib/activities/actions";
import { BUDGET_ROWS, TARGET_ROWS, type BudgetLine, type TargetLine } from "@/lib/activities/schemas";
import { NEED_STATE_LABEL, PROGRAM_CODE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import type { NeedState } from "@/lib/generated/prisma/enums";

export type ApplicationFormValues = {
  kind: string; planId: string; programCode: string; channelOrgId: string; title: string; summary: string; themeFit: string;
  regionCode: string; plannedStart: string; plannedEnd: string; plannedExperts: number; serviceForms: string[];
  budget: BudgetLine[]; targets: TargetLine[]; pairedProvinceCode: string; needIds: string[];
};

type Props = {
  activity?: { id: string; version: number };
  applicant: { kind: string; orgName: string };
  plans: { id: string; year: number; theme: string; programCode: string; closedNote: string | null }[];
  departments: { id: string; name: string }[];
  regions: RegionChoice[];
  eastern: { code: string; name: string }[];
  needs: { id: string; code: string; title: string; state: NeedState }[];
  values: ApplicationFormValues;
};

/** The application for a demonstration activity (or a province's local activity): facts, needs, budget, targets. */
export function ApplicationForm({ activity, applicant, plans, departments, regions, eastern, needs, values }: Props) {
  const router = useRouter();
  const form = useFormAction<{ id: string }>(activity ? updateApplicationAction : createApplicationAction);
  const [kind, setKind] = useState(values.kind);
  const errors = form.fieldErrors;
  useEffect(() => {
    if (form.state?.ok) router.push(`/activities/${form.state.data.id}`);
    else if (form.state && !form.state.ok) window.scrollTo({ top: 0, behavior: "smooth" });
  }, [form.state, router]);
  const budget = Array.from({ length: BUDGET_ROWS }, (_, i) => values.budget[i] ?? { item: "", amount: "" });
  const targets = Array.from({ length: TARGET_ROWS }, (_, i) => values.targets[i] ?? { indicator: "", target: "", unit: "" });
  const section = "grid gap-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2";

  return (
    <form onSubmit={form.onSubmit} className="space-y-6" noValidate aria-label="示范活动申报">
      {activity && <><input type="hidden" name="activityId" value={activity.id} /><input type="hidden" name="version" value={activity.version} /></>}
      {form.error && (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">
          {form.error}
          {Object.keys(errors).length > 0 && <span>：{Object.values(errors).flat().join("；")}</span>}
        </div>
      )}
      <section className={section} aria-labelledby="app-basic">
        <h2 id="app-basic" className="text-base font-semibold text-slate-800 sm:col-span-2">基本信息（申报单位：{applicant.orgName}）</h2>
        {applicant.kind === "province" && (
          <FormField id="kind" label="活动类型" errors={errors.kind}>
            {(a) => (
              <EnumSelect {...a} name="kind" value={kind} onChange={(e) => setKind(e.target.value)}
                choices={{ demonstration: "申报部级示范活动", local: "本省地方示范活动（省级批准实施）" }} />
            )}
          </FormField>
        )}
        {kind !== "local" && (
          <FormField id="planId" label="年度计划" errors={errors.planId}>
            {(a) => (
              <EnumSelect {...a} name="planId" defaultValue={values.planId} placeholder="请选择年度计划"
                choices={plans.map((p) => ({ value: p.id, label: `${p.year}年度 ${PROGRAM_CODE_LABEL[p.programCode as keyof typeof PROGRAM_CODE_LABEL]}：${p.theme}${p.closedNote ? `（${p.closedNote}）` : ""}` }))} />
            )}
          </FormField>
        )}
        <FormField id="programCode" label="项目类别" errors={errors.programCode} hint="须与所选年度计划一致">
          {(a) => <EnumSelect {...a} name="programCode" choices={PROGRAM_CODE_LABEL} defaultValue={values.programCode} />}
        </FormField>
        {kind !== "local" && (applicant.kind === "unit" || applicant.kind === "base") && (
          <FormField id="channelOrgId" label="推荐渠道" errors={errors.channelOrgId} hint="默认由所在省份推荐；也可通过国务院有关部门推荐">
            {(a) => (
              <EnumSelect {...a} name="channelOrgId" defaultValue={values.channelOrgId} all="由所在省份人社部门推荐"
                choices={departments.map((d) => ({ value: d.id, label: `通过${d.name}推荐` }))} />
            )}
          </FormField>
        )}
        <FormField id="title" label="活动名称" errors={errors.title} className="sm:col-span-2">
          {(a) => <Input {...a} name="title" defaultValue={values.title} maxLength={80} />}
        </FormField>
        <FormField id="summary" label="活动方案" errors={errors.summary} className="sm:col-span-2" hint="服务内容、组织方式、进度安排（提交时至少 20 字）">
          {(a) => <Textarea {...a} name="summary" rows={5} defaultValue={values.summary} maxLength={3000} />}
        </FormField>
        {kind !== "local" && (
          <FormField id="themeFit" label="与年度主题的契合" errors={errors.themeFit} className="sm:col-span-2">
            {(a) => <Textarea {...a} name="themeFit" rows={3} defaultValue={values.themeFit} maxLength={1000} />}
          </FormField>
        )}
        {kind === "local" && <input type="hidden" name="themeFit" value="" />}
      </section>

      <section className={section} aria-labelledby="app-where">
        <h2 id="app-where" className="text-base font-semibold text-slate-800 sm:col-span-2">地点、时间和规模</h2>
        <FormField id="regionCode" label="活动地点（区县）" errors={errors.regionCode} className="sm:col-span-2">
          {(a) => <RegionSelect {...a} name="regionCode" regions={regions} defaultValue={values.regionCode} depth="COUNTY" />}
        </FormField>
        <FormField id="plannedStart" label="计划开始日期" errors={errors.plannedStart}>
          {(a) => <Input {...a} name="plannedStart" type="date" defaultValue={values.plannedStart} />}
        </FormField>
        <FormField id="plannedEnd" label="计划结束日期" errors={errors.plannedEnd}>
          {(a) => <Input {...a} name="plannedEnd" type="date" defaultValue={values.plannedEnd} />}
        </FormField>
        <FormField id="plannedExperts" label="计划专家人数（名额）" errors={errors.plannedExperts}>
          {(a) => <Input {...a} name="plannedExperts" type="number" min={0} max={200} defaultValue={values.plannedExperts} />}
        </FormField>
        <FormField id="pairedProvinceCode" label="东中西部人才协作结对省份" errors={errors.pairedProvinceCode} hint="东部省份结对服务中西部地区">
          {(a) => (
            <EnumSelect {...a} name="pairedProvinceCode" defaultValue={values.pairedProvinceCode} all="不结对"
              choices={eastern.map((p) => ({ value: p.code, label: p.name }))} />
          )}
        </FormField>
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-700">服务形式</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {Object.entries(SERVICE_FORM_LABEL).map(([value, label]) => (
              <label key={value} className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" name="serviceForms" value={value} defaultChecked={values.serviceForms.includes(value)} /> {label}
              </label>
            ))}
          </div>
          <FieldError errors={errors.serviceForms} />
        </fieldset>
      </section>

      <section className={section} aria-labelledby="app-needs">
        <h2 id="app-needs" className="text-base font-semibold text-slate-800 sm:col-span-2">关联需求（来自需求库）</h2>
        {needs.length === 0 ? (
          <p className="text-sm text-slate-600 sm:col-span-2">暂无可关联的需求（须为已发布、未完成且未关联其他活动的需求）。</p>
        ) : (
          <fieldset className="sm:col-span-2">
            <legend className="sr-only">关联需求</legend>
            <ul className="space-y-1">
              {needs.map((n) => (
                <li key={n.id}>
                  <label className="inline-flex items-start gap-2 text-sm">
                    <input type="checkbox" name="needIds" value={n.id} defaultChecked={values.needIds.includes(n.id)} className="mt-1" />
                    <span><span className="font-mono text-xs">{n.code}</span> {n.title}（{NEED_STATE_LABEL[n.state]}）</span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        )}
        <FieldError errors={errors.needIds} className="sm:col-span-2" />
      </section>

      <section className={section} aria-labelledby="app-money">
        <h2 id="app-money" className="text-base font-semibold text-slate-800 sm:col-span-2">经费预算和量化目标</h2>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">经费预算（元）</legend>
          <div className="mt-1 space-y-2">
            {budget.map((b, i) => (
              <div key={i} className="grid grid-cols-[1fr_8rem] gap-2">
                <Input name="budgetItem" aria-label={`预算科目 ${i + 1}`} defaultValue={b.item} maxLength={40} />
                <Input name="budgetAmount" aria-label={`预算科目 ${i + 1} 金额（元）`} type="number" min={0} defaultValue={b.amount} />
              </div>
            ))}
          </div>
          <FieldError errors={errors.budgetAmount} />
        </fieldset>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">量化目标</legend>
          <div className="mt-1 space-y-2">
            {targets.map((t, i) => (
              <div key={i} className="grid grid-cols-[1fr_6rem_4rem] gap-2">
                <Input name="targetIndicator" aria-label={`目标指标 ${i + 1}`} defaultValue={t.indicator} maxLength={40} />
                <Input name="targetValue" aria-label={`目标指标 ${i + 1} 目标值`} type="number" min={0} defaultValue={t.target} />
                <Input name="targetUnit" aria-label={`目标指标 ${i + 1} 单位`} defaultValue={t.unit} maxLength={10} />
              </div>
            ))}
          </div>
          <FieldError errors={errors.targetValue} />
        </fieldset>
      </section>

      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={form.pending}>{form.pending ? "正在保存…" : "保存草稿"}</Button>
        <Button type="submit" name="intent" value="submit" disabled={form.pending}>保存并提交</Button>
      </div>
      <p className="text-sm text-slate-600">计划团队在保存后的申报页面组建（可由匹配引擎一次推荐整个团队）；提交前须有团队。</p>
    </form>
  );
}
