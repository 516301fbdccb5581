"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { CodePicker, type PickerOption } from "@/components/pickers/code-picker";
import { RegionSelect, type RegionChoice } from "@/components/pickers/region-select";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, inputClass, Select } from "@/components/ui/form-field";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/actions/pipeline";
import { createNeedAction, updateNeedAction } from "@/lib/needs/actions";
import type { MenuGroup } from "@/lib/menu/queries";
import { DELIVERY_MODE_LABEL, SERVICE_FORM_LABEL, URGENCY_LABEL } from "@/lib/labels";
import { DELIVERY_MODES, PRIORITY_FLAGS, PRIORITY_LABEL, URGENCIES } from "@/lib/needs/schemas";

export type NeedFormValues = {
  menuItemIds: string[];
  title: string;
  bottleneck: string;
  disciplineCodes: string[];
  industryCodes: string[];
  regionCode: string;
  windowStart: string;
  windowEnd: string;
  expertsWanted: number;
  delivery: string;
  expectedOutcome: string;
  urgency: string;
  breakBottleneck: boolean;
  promoteTechnology: boolean;
  raiseFarmerIncome: boolean;
  onBehalfOf: string;
};

type Props = {
  /** Present when editing: the need and the version the form was loaded with. */
  need?: { id: string; version: number };
  unitName: string;
  canProxy: boolean;
  menu: MenuGroup[];
  regions: RegionChoice[];
  disciplines: PickerOption[];
  industries: PickerOption[];
  values: NeedFormValues;
};

const textareaClass = cn(inputClass, "min-h-24");

/** 点餐下单: pick services from the menu, then describe the need. Keeps what was typed when the server refuses it. */
export function NeedForm({ need, unitName, canProxy, menu, regions, disciplines, industries, values }: Props) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<{ id: string }> | null>(null);
  const [pending, startTransition] = useTransition();
  const [proxy, setProxy] = useState(!!values.onBehalfOf);
  const errors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const form = new FormData(event.currentTarget, submitter);
    startTransition(async () => {
      const res = need ? await updateNeedAction(null, form) : await createNeedAction(null, form);
      setResult(res);
      if (res.ok) router.push(`/needs/${res.data.id}`);
      else window.scrollTo({ top: 0, behavior: "smooth" });
    });
  }

  return (
    <form onSubmit={submit} className="space-y-8" noValidate aria-describedby={result && !result.ok ? "need-form-error" : undefined}>
      {need && (
        <>
          <input type="hidden" name="needId" value={need.id} />
          <input type="hidden" name="version" value={need.version} />
        </>
      )}
      {result && !result.ok && (
        <p id="need-form-error" role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-red-200">{result.error}</p>
      )}

      <fieldset className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5" aria-describedby={errors.menuItemIds ? "menu-error" : "menu-hint"}>
        <legend className="px-1 text-base font-semibold text-slate-800">一、选择服务项目（点餐）</legend>
        <p id="menu-hint" className="mb-3 text-sm text-slate-600">按服务形式选择一项或多项，专家将围绕所选项目提供服务。</p>
        <FieldError id="menu-error" errors={errors.menuItemIds} className="mb-3" />
        <div className="grid gap-4 lg:grid-cols-2">
          {menu.map((group) => (
            <fieldset key={group.form} className="rounded-md p-3 ring-1 ring-slate-200">
              <legend className="px-1 text-sm font-semibold text-brand-800">{SERVICE_FORM_LABEL[group.form]}</legend>
              <ul className="space-y-2">
                {group.items.map((item) => (
                  <li key={item.id}>
                    <label className="flex cursor-pointer gap-2 rounded p-1 hover:bg-slate-50">
                      <input type="checkbox" name="menuItemIds" value={item.id} defaultChecked={values.menuItemIds.includes(item.id)} className="mt-1" />
                      <span>
                        <span className="font-medium text-slate-800">{item.name}</span>
                        <span className="ml-2 text-xs text-slate-600">约 {item.typicalDurationDays} 天 · {DELIVERY_MODE_LABEL[item.delivery]}</span>
                        <span className="block text-sm text-slate-600">{item.description}</span>
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
        </div>
      </fieldset>

      <fieldset className="space-y-4 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
        <legend className="px-1 text-base font-semibold text-slate-800">二、说明需求</legend>
        <p className="text-sm text-slate-600">填报单位：<span className="font-medium text-slate-800">{unitName}</span></p>
        <FormField id="title" label="需求标题" errors={errors.title} hint="一句话概括，如“猕猴桃溃疡病绿色防控技术指导”">
          {(a) => <Input {...a} name="title" defaultValue={values.title} maxLength={80} required />}
        </FormField>
        <FormField id="bottleneck" label="面临的瓶颈问题" errors={errors.bottleneck} hint="说清现状、难点和已做过的尝试，便于精准匹配专家">
          {(a) => <textarea {...a} name="bottleneck" defaultValue={values.bottleneck} maxLength={2000} required className={textareaClass} rows={5} />}
        </FormField>
        <div className="grid gap-4 lg:grid-cols-2">
          <FormField id="disciplineCodes" label="学科领域" errors={errors.disciplineCodes} hint="至少 1 个，最多 5 个">
            {(a) => <CodePicker {...a} name="disciplineCodes" options={disciplines} defaultValue={values.disciplineCodes} max={5} />}
          </FormField>
          <FormField id="industryCodes" label="所属行业" errors={errors.industryCodes} hint="可选，最多 5 个">
            {(a) => <CodePicker {...a} name="industryCodes" options={industries} defaultValue={values.industryCodes} max={5} />}
          </FormField>
        </div>
        <FormField id="regionCode" label="服务地点" errors={errors.regionCode} hint="限本单位所在省份，选择到区县">
          {(a) => <RegionSelect {...a} name="regionCode" regions={regions} defaultValue={values.regionCode} depth="COUNTY" />}
        </FormField>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <FormField id="windowStart" label="期望开始日期" errors={errors.windowStart}>
            {(a) => <Input {...a} name="windowStart" type="date" defaultValue={values.windowStart} />}
          </FormField>
          <FormField id="windowEnd" label="期望结束日期" errors={errors.windowEnd}>
            {(a) => <Input {...a} name="windowEnd" type="date" defaultValue={values.windowEnd} />}
          </FormField>
          <FormField id="expertsWanted" label="需要专家人数" errors={errors.expertsWanted} hint="1–20 名">
            {(a) => <Input {...a} name="expertsWanted" type="number" min={1} max={20} defaultValue={values.expertsWanted} required />}
          </FormField>
          <FormField id="delivery" label="服务方式" errors={errors.delivery}>
            {(a) => (
              <Select {...a} name="delivery" defaultValue={values.delivery}>
                {DELIVERY_MODES.map((d) => <option key={d} value={d}>{DELIVERY_MODE_LABEL[d]}</option>)}
              </Select>
            )}
          </FormField>
        </div>
        <FormField id="urgency" label="紧迫程度" errors={errors.urgency} className="max-w-xs">
          {(a) => (
            <Select {...a} name="urgency" defaultValue={values.urgency}>
              {URGENCIES.map((u) => <option key={u} value={u}>{URGENCY_LABEL[u]}</option>)}
            </Select>
          )}
        </FormField>
        <FormField id="expectedOutcome" label="预期成效" errors={errors.expectedOutcome} hint="可选，如“培训技术骨干 30 人，亩均增收 500 元”">
          {(a) => <textarea {...a} name="expectedOutcome" defaultValue={values.expectedOutcome} maxLength={1000} className={textareaClass} rows={3} />}
        </FormField>
        <fieldset>
          <legend className="text-sm font-medium text-slate-700">优先支持方向（可多选）</legend>
          <div className="mt-2 flex flex-wrap gap-4">
            {PRIORITY_FLAGS.map((f) => (
              <label key={f} className="inline-flex items-center gap-2 text-sm">
                <input type="checkbox" name={f} defaultChecked={values[f]} /> {PRIORITY_LABEL[f]}
              </label>
            ))}
          </div>
        </fieldset>
        {canProxy && (
          <fieldset className="rounded-md bg-slate-50 p-3 ring-1 ring-slate-200">
            <legend className="px-1 text-sm font-medium text-slate-700">代填</legend>
            <label className="inline-flex items-center gap-2 text-sm">
              <input type="checkbox" name="onBehalf" checked={proxy} onChange={(e) => setProxy(e.target.checked)} /> 代村/合作社填报
            </label>
            {proxy && (
              <FormField id="onBehalfOf" label="代填对象（村或合作社名称）" errors={errors.onBehalfOf} className="mt-2 max-w-md">
                {(a) => <Input {...a} name="onBehalfOf" defaultValue={values.onBehalfOf} maxLength={60} />}
              </FormField>
            )}
          </fieldset>
        )}
        {!canProxy && <FieldError errors={errors.onBehalfOf} />}
      </fieldset>

      <div className="flex flex-wrap gap-2">
        {/* The draft button comes first: Enter in a text box saves a draft, never submits for review by accident. */}
        <Button type="submit" name="intent" value="draft" variant="secondary" disabled={pending}>{pending ? "正在保存…" : "保存草稿"}</Button>
        <Button type="submit" name="intent" value="submit" disabled={pending}>提交审核</Button>
      </div>
    </form>
  );
}
