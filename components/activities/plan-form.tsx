"use client";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { createPlanAction, updatePlanAction } from "@/lib/activities/actions";
import type { RubricCriterion } from "@/lib/activities/rubric";
import { PROGRAM_CODE_LABEL } from "@/lib/labels";

export type PlanFormValues = {
  programCode: string; year: number; theme: string; description: string; quota: number; provinceQuota: number;
  applicationOpensAt: string; applicationClosesAt: string; recommendDeadline: string; channelQuotas: string;
  rubric: readonly RubricCriterion[]; baseBonus: number; baseReservedPlaces: number; disagreementSpread: number;
};

type Props = {
  values: PlanFormValues;
  /** Editing: the plan, its version, and whether the change needs a reason (the window opened). */
  plan?: { id: string; version: number; needsReason: boolean };
  departments: { id: string; name: string }[];
};

/** The ministry's annual plan: theme, quota, window, channel quotas, rubric and the priority of service bases. */
export function PlanForm({ values, plan, departments }: Props) {
  const router = useRouter();
  const form = useFormAction<{ id: string }>(plan ? updatePlanAction : createPlanAction);
  const [rubric, setRubric] = useState(values.rubric.map((c) => ({ ...c })));
  const errors = form.fieldErrors;
  const total = rubric.reduce((s, c) => s + (Number(c.weight) || 0), 0);
  useEffect(() => {
    if (form.state?.ok) router.push(`/ministry/plans/${form.state.data.id}`);
  }, [form.state, plan, router]);

  return (
    <form onSubmit={form.onSubmit} className="space-y-6" noValidate aria-label="年度计划">
      {plan && <><input type="hidden" name="planId" value={plan.id} /><input type="hidden" name="version" value={plan.version} /></>}
      <input type="hidden" name="rubric" value={JSON.stringify(rubric.map((c) => ({ ...c, weight: Number(c.weight) })))} />
      {form.error && <Outcome state={form.state} />}
      <div className="grid gap-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2 lg:grid-cols-3">
        <FormField id="programCode" label="项目类别" errors={errors.programCode}>
          {(a) => <EnumSelect {...a} name="programCode" choices={PROGRAM_CODE_LABEL} defaultValue={values.programCode} />}
        </FormField>
        <FormField id="year" label="年度" errors={errors.year}>
          {(a) => <Input {...a} name="year" type="number" min={2020} max={2100} defaultValue={values.year} />}
        </FormField>
        <FormField id="theme" label="年度主题" errors={errors.theme}>
          {(a) => <Input {...a} name="theme" defaultValue={values.theme} maxLength={60} />}
        </FormField>
        <FormField id="description" label="说明" errors={errors.description} className="sm:col-span-2 lg:col-span-3">
          {(a) => <Textarea {...a} name="description" rows={3} defaultValue={values.description} maxLength={2000} />}
        </FormField>
        <FormField id="quota" label="遴选名额（项）" errors={errors.quota}>
          {(a) => <Input {...a} name="quota" type="number" min={1} defaultValue={values.quota} />}
        </FormField>
        <FormField id="provinceQuota" label="每个推荐渠道的默认推荐名额" errors={errors.provinceQuota} hint="未单独设置名额的省份、部门按此数推荐">
          {(a) => <Input {...a} name="provinceQuota" type="number" min={0} defaultValue={values.provinceQuota} />}
        </FormField>
        <FormField id="channelQuotas" label="单独设置的推荐名额" errors={errors.channelQuotas}
          hint={<>每行一项：省份代码=名额（如 51=2），或 dept:部门标识=名额。{departments.map((d) => `${d.name}：dept:${d.id}`).join("；")}</>}>
          {(a) => <Textarea {...a} name="channelQuotas" rows={3} defaultValue={values.channelQuotas} />}
        </FormField>
        <FormField id="applicationOpensAt" label="申报开始日期" errors={errors.applicationOpensAt}>
          {(a) => <Input {...a} name="applicationOpensAt" type="date" defaultValue={values.applicationOpensAt} />}
        </FormField>
        <FormField id="applicationClosesAt" label="申报截止日期" errors={errors.applicationClosesAt}>
          {(a) => <Input {...a} name="applicationClosesAt" type="date" defaultValue={values.applicationClosesAt} />}
        </FormField>
        <FormField id="recommendDeadline" label="推荐截止日期" errors={errors.recommendDeadline} hint="省级、部门报送推荐名单的截止日期">
          {(a) => <Input {...a} name="recommendDeadline" type="date" defaultValue={values.recommendDeadline} />}
        </FormField>
        <FormField id="baseBonus" label="基地承办活动加分" errors={errors.baseBonus} hint="遴选时为专家服务基地承办的活动加分（0 为不加分）">
          {(a) => <Input {...a} name="baseBonus" type="number" min={0} max={20} step="0.5" defaultValue={values.baseBonus} />}
        </FormField>
        <FormField id="baseReservedPlaces" label="基地预留名额" errors={errors.baseReservedPlaces}>
          {(a) => <Input {...a} name="baseReservedPlaces" type="number" min={0} defaultValue={values.baseReservedPlaces} />}
        </FormField>
        <FormField id="disagreementSpread" label="评审分歧阈值（分）" errors={errors.disagreementSpread} hint="评审分差超过此值时标记“意见分歧”">
          {(a) => <Input {...a} name="disagreementSpread" type="number" min={1} max={100} defaultValue={values.disagreementSpread} />}
        </FormField>
      </div>

      <fieldset className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
        <legend className="px-1 text-base font-semibold text-slate-800">评审细则（权重之和须为 100，当前 {total}）</legend>
        <div className="mt-2 space-y-2">
          {rubric.map((c, i) => (
            <div key={c.key} className="grid grid-cols-[1fr_8rem] gap-2">
              <Input aria-label={`评分项 ${i + 1} 名称`} value={c.label} maxLength={20}
                onChange={(e) => setRubric(rubric.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)))} />
              <Input aria-label={`评分项 ${i + 1}“${c.label}”权重`} type="number" min={1} max={100} value={c.weight}
                onChange={(e) => setRubric(rubric.map((x, j) => (j === i ? { ...x, weight: Number(e.target.value) } : x)))} />
            </div>
          ))}
        </div>
        <FieldError errors={errors.rubric} className="mt-2" />
      </fieldset>

      {plan?.needsReason && (
        <FormField id="reason" label="修改原因（必填，计划已开放申报，修改将记入修改记录）" errors={errors.reason}>
          {(a) => <Textarea {...a} name="reason" rows={2} maxLength={500} required />}
        </FormField>
      )}
      {plan && !plan.needsReason && <input type="hidden" name="reason" value="" />}
      <Button type="submit" disabled={form.pending}>{form.pending ? "正在保存…" : "保存计划"}</Button>
    </form>
  );
}
