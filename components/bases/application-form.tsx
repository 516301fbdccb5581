"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveApplicationAction } from "@/lib/bases/actions";
import { MAX_PLANNED, PLANNED_FORMS, type ApplicationContent } from "@/lib/bases/schemas";
import { BASE_FIELD_LABEL, BASE_LEVEL_LABEL } from "@/lib/labels";

export type ApplicationValues = ApplicationContent & { baseId?: string; version?: number; name: string; level: string; field: string };

const MONTHS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: `${i + 1} 月` }));

/** The host's application: host data, the facts of the four criteria, planned yearly activities; draft or submit. */
export function ApplicationForm({ hostName, values }: { hostName: string; values?: ApplicationValues }) {
  const save = useFormAction(saveApplicationAction);
  const router = useRouter();
  const fe = save.fieldErrors;
  const id = save.state?.ok ? save.state.data.id : undefined;
  useEffect(() => {
    if (id) router.push(`/base/bases/${id}`);
  }, [id, router]);
  const v = values;
  const planned = Array.from({ length: MAX_PLANNED }, (_, i) => v?.plannedActivities[i]);
  return (
    <form onSubmit={save.onSubmit} className="space-y-6" aria-label="专家服务基地申请" noValidate>
      {v?.baseId && <input type="hidden" name="baseId" value={v.baseId} />}
      {v?.version !== undefined && <input type="hidden" name="version" value={v.version} />}
      <Card title="基本信息">
        <p className="mb-3 text-sm text-slate-600">依托单位：{hostName}（所在地区即基地所在地区）</p>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField id="app-name" label="基地名称" errors={fe.name} className="sm:col-span-3">
            {(a) => <Input {...a} name="name" maxLength={60} defaultValue={v?.name} required />}
          </FormField>
          <FormField id="app-level" label="申请级别" errors={fe.level}>
            {(a) => <EnumSelect {...a} name="level" choices={BASE_LEVEL_LABEL} defaultValue={v?.level ?? "PROVINCIAL"} />}
          </FormField>
          <FormField id="app-field" label="服务领域" errors={fe.field}>
            {(a) => <EnumSelect {...a} name="field" choices={BASE_FIELD_LABEL} defaultValue={v?.field ?? "AGRICULTURE"} />}
          </FormField>
          <FormField id="app-focus" label="服务方向" errors={fe.focus} className="sm:col-span-3">
            {(a) => <Input {...a} name="focus" maxLength={200} defaultValue={v?.focus} />}
          </FormField>
        </div>
      </Card>
      <Card title="设立条件">
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField id="app-innovation" label="创新实力" hint="科研成果、获奖、技术优势等" errors={fe.innovation} className="sm:col-span-3">
            {(a) => <Textarea {...a} name="innovation" rows={3} maxLength={2000} defaultValue={v?.facts.innovation} />}
          </FormField>
          <FormField id="app-research" label="科研基础" hint="试验示范场地、实验室、科研平台等" errors={fe.research} className="sm:col-span-3">
            {(a) => <Textarea {...a} name="research" rows={3} maxLength={2000} defaultValue={v?.facts.research} />}
          </FormField>
          <FormField id="app-senior" label="副高以上专家（人）" errors={fe.seniorExperts}>
            {(a) => <Input {...a} name="seniorExperts" type="number" min={0} defaultValue={v?.facts.seniorExperts ?? ""} />}
          </FormField>
          <FormField id="app-platforms" label="省级以上科研平台（个）" errors={fe.platforms}>
            {(a) => <Input {...a} name="platforms" type="number" min={0} defaultValue={v?.facts.platforms ?? ""} />}
          </FormField>
          <FormField id="app-patents" label="近三年成果（项）" hint="专利、标准、品种等" errors={fe.patents}>
            {(a) => <Input {...a} name="patents" type="number" min={0} defaultValue={v?.facts.patents ?? ""} />}
          </FormField>
          <FormField id="app-plan" label="发展规划" errors={fe.developmentPlan} className="sm:col-span-3">
            {(a) => <Textarea {...a} name="developmentPlan" rows={3} maxLength={3000} defaultValue={v?.developmentPlan} />}
          </FormField>
          <FormField id="app-rules" label="内部管理制度" hint="列出已制定的制度名称和主要内容" errors={fe.rules} className="sm:col-span-3">
            {(a) => <Textarea {...a} name="rules" rows={3} maxLength={2000} defaultValue={v?.rules} />}
          </FormField>
        </div>
      </Card>
      <Card title="年度计划活动">
        <fieldset aria-describedby={fe.plannedActivities ? "planned-error" : undefined}>
          <legend className="text-sm text-slate-600">至少填写一项；不用的行留空。</legend>
          <div className="mt-2 space-y-2">
            {planned.map((p, i) => (
              <div key={i} className="grid gap-2 sm:grid-cols-6">
                <label className="sr-only" htmlFor={`activity-title-${i}`}>第 {i + 1} 项活动名称</label>
                <Input id={`activity-title-${i}`} name="activityTitle" placeholder={`第 ${i + 1} 项活动名称`} maxLength={60} defaultValue={p?.title} className="sm:col-span-4" />
                <label className="sr-only" htmlFor={`activity-month-${i}`}>第 {i + 1} 项月份</label>
                <EnumSelect id={`activity-month-${i}`} name="activityMonth" choices={MONTHS} defaultValue={String(p?.month ?? 1)} />
                <label className="sr-only" htmlFor={`activity-form-${i}`}>第 {i + 1} 项形式</label>
                <EnumSelect id={`activity-form-${i}`} name="activityForm" choices={PLANNED_FORMS.map((f) => ({ value: f, label: f }))} defaultValue={p?.form ?? PLANNED_FORMS[1]} />
              </div>
            ))}
          </div>
          <FieldError id="planned-error" errors={fe.plannedActivities} className="mt-1" />
        </fieldset>
      </Card>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" name="intent" value="submit" disabled={save.pending}>{save.pending ? "正在保存…" : "提交申请"}</Button>
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={save.pending}>保存草稿</Button>
      </div>
      <Outcome state={save.state} />
    </form>
  );
}
