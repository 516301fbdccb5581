"use client";
import { useState } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EnumSelect } from "@/components/ui/enum-select";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { labelOptions } from "@/components/ui/options";
import { useFormAction } from "@/components/ui/use-form-action";
import { CodePicker, type PickerOption } from "@/components/pickers/code-picker";
import { RegionSelect, type RegionChoice } from "@/components/pickers/region-select";
import { Checkbox, CheckboxGroup } from "@/components/experts/checkbox-group";
import { TagInput } from "@/components/experts/tag-input";
import type { ActionResult } from "@/lib/actions/pipeline";
import { GENDER_LABEL, PROFESSIONAL_TITLE_LABEL, SERVICE_FORM_LABEL, TALENT_CATEGORY_LABEL } from "@/lib/labels";

export type ProfileDefaults = {
  expertId?: string;
  version?: number;
  name: string;
  gender: string;
  birthYear: number | null;
  employer: string;
  title: string;
  disciplineCodes: string[];
  industryCodes: string[];
  skills: string[];
  bio: string;
  talentCategories: string[];
  regionCode: string | null;
  preferredForms: string[];
  serviceRegionCodes: string[];
  acceptsRemote: boolean;
  maxConcurrent: number;
  isRetired: boolean;
  healthAttested: boolean;
  consentAttested: boolean;
  shareAcrossRegions: boolean;
  /** Masked values shown as placeholders; the form never holds the real ones. */
  maskedPhone: string | null;
  maskedEmail: string | null;
  maskedIdNumber: string | null;
};

export const EMPTY_PROFILE: ProfileDefaults = {
  name: "", gender: "", birthYear: null, employer: "", title: "", disciplineCodes: [], industryCodes: [], skills: [], bio: "",
  talentCategories: [], regionCode: null, preferredForms: [], serviceRegionCodes: [], acceptsRemote: true, maxConcurrent: 2,
  isRetired: false, healthAttested: false, consentAttested: false, shareAcrossRegions: false,
  maskedPhone: null, maskedEmail: null, maskedIdNumber: null,
};

type Props = {
  mode: "create" | "edit";
  action: (prev: never, form: FormData | Record<string, unknown>) => Promise<ActionResult<{ id: string } | { version: number }>>;
  defaults: ProfileDefaults;
  disciplines: PickerOption[];
  industries: PickerOption[];
  regions: RegionChoice[];
  serviceRegions: PickerOption[];
  cancelHref: string;
  /** Where to go after creating (the new id is appended). */
  createdHref?: string;
  selfEdit?: boolean;
};

/** The profile form for entering (province) and editing (expert or province) an expert. */
export function ExpertProfileForm(props: Props) {
  const [round, setRound] = useState(0);
  return <ProfileForm key={round} {...props} onAgain={() => setRound((r) => r + 1)} />;
}

function ProfileForm({ mode, action, defaults: d, disciplines, industries, regions, serviceRegions, cancelHref, createdHref, selfEdit, onAgain }: Props & { onAgain: () => void }) {
  const save = useFormAction(action);
  const { state, pending } = save;
  const [retired, setRetired] = useState(d.isRetired);
  const [account, setAccount] = useState(false);
  const errors = save.fieldErrors;
  const version = state?.ok && "version" in state.data ? state.data.version : d.version;

  if (mode === "create" && state?.ok && "id" in state.data) {
    return (
      <Card>
        <p role="status" className="text-sm text-emerald-800">专家已录入。</p>
        <div className="mt-3 flex gap-2">
          <LinkButton href={`${createdHref ?? "/experts"}/${state.data.id}`}>查看专家档案</LinkButton>
          <Button variant="secondary" onClick={onAgain}>继续录入</Button>
        </div>
      </Card>
    );
  }

  return (
    <form
      noValidate
      className="space-y-6"
      onSubmit={save.onSubmit}
    >
      {d.expertId && <input type="hidden" name="expertId" value={d.expertId} />}
      {version !== undefined && <input type="hidden" name="version" value={version} />}

      <Card title="基本信息">
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="name" label="姓名" errors={errors.name}>
            {(a) => <Input {...a} name="name" defaultValue={d.name} maxLength={40} required />}
          </FormField>
          <FormField id="gender" label="性别" errors={errors.gender}>
            {(a) => <EnumSelect {...a} name="gender" defaultValue={d.gender} all="请选择" choices={GENDER_LABEL} />}
          </FormField>
          <FormField id="birthYear" label="出生年份" errors={errors.birthYear}>
            {(a) => <Input {...a} name="birthYear" type="number" inputMode="numeric" min={1920} defaultValue={d.birthYear ?? ""} />}
          </FormField>
          <FormField id="title" label="职称" errors={errors.title}>
            {(a) => <EnumSelect {...a} name="title" defaultValue={d.title} all="请选择" choices={PROFESSIONAL_TITLE_LABEL} />}
          </FormField>
          <FormField id="employer" label="工作单位" errors={errors.employer} className="sm:col-span-2">
            {(a) => <Input {...a} name="employer" defaultValue={d.employer} maxLength={100} />}
          </FormField>
          <FormField id="regionCode" label="所在地区" errors={errors.regionCode} className="sm:col-span-2" hint="选择到区县">
            {(a) => <RegionSelect {...a} name="regionCode" regions={regions} defaultValue={d.regionCode} />}
          </FormField>
        </div>
      </Card>

      <Card title="专业领域">
        <div className="grid gap-4">
          <FormField id="disciplineCodes" label="学科（最多 5 个）" errors={errors.disciplineCodes}>
            {(a) => <CodePicker {...a} name="disciplineCodes" options={disciplines} defaultValue={d.disciplineCodes} max={5} />}
          </FormField>
          <FormField id="industryCodes" label="行业（最多 5 个）" errors={errors.industryCodes}>
            {(a) => <CodePicker {...a} name="industryCodes" options={industries} defaultValue={d.industryCodes} max={5} />}
          </FormField>
          <FormField id="skills" label="专长" errors={errors.skills} hint="如“果园绿色防控”，输入后按回车添加，最多 15 个">
            {(a) => <TagInput {...a} name="skills" defaultValue={d.skills} />}
          </FormField>
          <FormField id="bio" label="个人简介" errors={errors.bio} hint="不超过 2000 字">
            {(a) => <Textarea {...a} name="bio" defaultValue={d.bio} rows={5} maxLength={2000} />}
          </FormField>
          <CheckboxGroup legend="人才类别" name="talentCategories" options={labelOptions(TALENT_CATEGORY_LABEL)} defaultValue={d.talentCategories} errors={errors.talentCategories} />
        </div>
      </Card>

      <Card title="服务意愿">
        <div className="grid gap-4">
          <CheckboxGroup legend="愿意提供的服务形式" name="preferredForms" options={labelOptions(SERVICE_FORM_LABEL)} defaultValue={d.preferredForms} errors={errors.preferredForms} />
          <FormField id="serviceRegionCodes" label="愿意服务的地区" errors={errors.serviceRegionCodes} hint="可选省或地市；不选表示不限地区">
            {(a) => <CodePicker {...a} name="serviceRegionCodes" options={serviceRegions} defaultValue={d.serviceRegionCodes} max={20} />}
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField id="maxConcurrent" label="同时服务项目上限" errors={errors.maxConcurrent} hint="1—10 项">
              {(a) => <Input {...a} name="maxConcurrent" type="number" min={1} max={10} defaultValue={d.maxConcurrent} />}
            </FormField>
            <div className="space-y-2 pt-6">
              <Checkbox name="acceptsRemote" label="接受远程服务" defaultChecked={d.acceptsRemote} />
              <Checkbox name="shareAcrossRegions" label="同意跨地区共享（其他省份可查看我的脱敏档案）" defaultChecked={d.shareAcrossRegions} />
            </div>
          </div>
        </div>
      </Card>

      <Card title="退休专家">
        <div className="space-y-3">
          <Checkbox name="isRetired" label="已退休" defaultChecked={d.isRetired} onChange={setRetired} />
          {retired && (
            <div className="space-y-2 rounded-md bg-amber-50 p-3 ring-1 ring-amber-200">
              <p className="text-sm text-amber-900">按通知要求，退休专家须本人身体健康、自愿参加，方可参与匹配服务。</p>
              <Checkbox name="healthAttested" label={selfEdit ? "本人声明：身体健康，能够胜任服务工作" : "已收到本人书面声明：身体健康，能够胜任服务工作"} defaultChecked={d.healthAttested} />
              <Checkbox name="consentAttested" label={selfEdit ? "本人声明：自愿参加专家人才服务基层活动" : "已收到本人书面声明：自愿参加专家人才服务基层活动"} defaultChecked={d.consentAttested} />
            </div>
          )}
        </div>
      </Card>

      <Card title="联系方式（个人信息，对外脱敏显示）">
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField id="phone" label="联系电话" errors={errors.phone} hint={d.maskedPhone ? `当前 ${d.maskedPhone}，留空不修改` : "手机或带区号的固定电话"}>
            {(a) => <Input {...a} name="phone" type="tel" autoComplete="off" maxLength={20} />}
          </FormField>
          <FormField id="email" label="电子邮箱" errors={errors.email} hint={d.maskedEmail ? `当前 ${d.maskedEmail}，留空不修改` : undefined}>
            {(a) => <Input {...a} name="email" type="email" autoComplete="off" maxLength={120} />}
          </FormField>
          <FormField id="idNumber" label="身份证号码" errors={errors.idNumber} hint={d.maskedIdNumber ? `当前 ${d.maskedIdNumber}，留空不修改` : "18 位"}>
            {(a) => <Input {...a} name="idNumber" autoComplete="off" maxLength={18} />}
          </FormField>
        </div>
      </Card>

      {mode === "create" && (
        <Card title="登录账号（可选）">
          <div className="space-y-3">
            <Checkbox name="createAccount" label="为该专家开通登录账号（首次登录须修改密码）" onChange={setAccount} />
            {account && (
              <div className="grid gap-4 sm:grid-cols-2">
                <FormField id="username" label="登录账号" errors={errors.username}>
                  {(a) => <Input {...a} name="username" autoComplete="off" maxLength={32} />}
                </FormField>
                <FormField id="password" label="初始密码" errors={errors.password} hint="至少 8 位，含大写字母、小写字母、数字、符号中的 3 类">
                  {(a) => <Input {...a} name="password" type="password" autoComplete="new-password" maxLength={128} />}
                </FormField>
              </div>
            )}
          </div>
        </Card>
      )}

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "正在保存…" : mode === "create" ? "录入专家" : selfEdit ? "确认并保存" : "保存"}</Button>
        <LinkButton href={cancelHref} variant="secondary">返回</LinkButton>
        {state && (
          <p role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
            {state.ok ? state.message ?? "已保存" : state.error}
          </p>
        )}
      </div>
    </form>
  );
}
