"use client";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { labelOptions } from "@/components/ui/options";
import { useFormAction } from "@/components/ui/use-form-action";
import { CodePicker, type PickerOption } from "@/components/pickers/code-picker";
import { RegionSelect, type RegionChoice } from "@/components/pickers/region-select";
import { Checkbox, CheckboxGroup } from "@/components/experts/checkbox-group";
import { TagInput } from "@/components/experts/tag-input";
import { registerExpertAction } from "@/lib/experts/actions";
import { GENDER_LABEL, PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL } from "@/lib/labels";

type Props = { disciplines: PickerOption[]; industries: PickerOption[]; regions: RegionChoice[] };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <legend className="px-1 text-base font-semibold text-slate-800">{title}</legend>
      <div className="mt-2 grid gap-4 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

/** 专家注册: an account and a profile, both waiting for the province of the chosen region to approve. */
export function RegisterForm({ disciplines, industries, regions }: Props) {
  const register = useFormAction(registerExpertAction);
  const { pending, fieldErrors: errors } = register;

  if (register.done) {
    return (
      <div role="status" className="rounded-lg bg-emerald-50 p-6 text-emerald-900 ring-1 ring-emerald-200">
        <p className="font-medium">注册申请已提交。</p>
        <p className="mt-1 text-sm">所在省级人社部门审核通过后，即可使用注册的账号登录。审核结果将以站内通知告知。</p>
        <p className="mt-3 text-sm"><Link href="/login" className="font-medium text-brand-700 underline">前往登录</Link></p>
      </div>
    );
  }

  return (
    <form noValidate className="space-y-6" onSubmit={register.onSubmit}>
      <Section title="登录账号">
        <FormField id="username" label="账号" errors={errors.username} hint="4—32 位字母、数字、下划线、点或短横线，以字母开头">
          {(a) => <Input {...a} name="username" autoComplete="username" maxLength={32} />}
        </FormField>
        <div />
        <FormField id="password" label="密码" errors={errors.password} hint="至少 8 位，含大写字母、小写字母、数字、符号中的 3 类">
          {(a) => <Input {...a} name="password" type="password" autoComplete="new-password" maxLength={128} />}
        </FormField>
        <FormField id="passwordConfirm" label="确认密码" errors={errors.passwordConfirm}>
          {(a) => <Input {...a} name="passwordConfirm" type="password" autoComplete="new-password" maxLength={128} />}
        </FormField>
      </Section>

      <Section title="基本信息">
        <FormField id="name" label="姓名" errors={errors.name}>
          {(a) => <Input {...a} name="name" maxLength={40} />}
        </FormField>
        <FormField id="gender" label="性别" errors={errors.gender}>
          {(a) => <EnumSelect {...a} name="gender" defaultValue="" all="请选择" choices={GENDER_LABEL} />}
        </FormField>
        <FormField id="birthYear" label="出生年份" errors={errors.birthYear}>
          {(a) => <Input {...a} name="birthYear" type="number" inputMode="numeric" min={1920} />}
        </FormField>
        <FormField id="title" label="职称" errors={errors.title}>
          {(a) => <EnumSelect {...a} name="title" defaultValue="" all="请选择" choices={PROFESSIONAL_TITLE_LABEL} />}
        </FormField>
        <FormField id="employer" label="工作单位" errors={errors.employer} className="sm:col-span-2">
          {(a) => <Input {...a} name="employer" maxLength={100} />}
        </FormField>
        <FormField id="regionCode" label="所在地区" errors={errors.regionCode} className="sm:col-span-2" hint="由该地区所在省份的人社部门审核">
          {(a) => <RegionSelect {...a} name="regionCode" regions={regions} />}
        </FormField>
        <div className="sm:col-span-2"><Checkbox name="isRetired" label="已退休" /></div>
      </Section>

      <Section title="专业领域">
        <FormField id="disciplineCodes" label="学科（最多 5 个）" errors={errors.disciplineCodes} className="sm:col-span-2">
          {(a) => <CodePicker {...a} name="disciplineCodes" options={disciplines} max={5} />}
        </FormField>
        <FormField id="industryCodes" label="行业（可选，最多 5 个）" errors={errors.industryCodes} className="sm:col-span-2">
          {(a) => <CodePicker {...a} name="industryCodes" options={industries} max={5} />}
        </FormField>
        <FormField id="skills" label="专长（可选）" errors={errors.skills} className="sm:col-span-2" hint="输入后按回车添加">
          {(a) => <TagInput {...a} name="skills" />}
        </FormField>
        <FormField id="bio" label="个人简介（可选）" errors={errors.bio} className="sm:col-span-2">
          {(a) => <Textarea {...a} name="bio" rows={4} maxLength={2000} />}
        </FormField>
        <CheckboxGroup legend="人才类别（可选）" name="talentCategories" options={labelOptions(TALENT_CATEGORY_LABEL)} className="sm:col-span-2" />
      </Section>

      <Section title="联系方式">
        <FormField id="phone" label="联系电话" errors={errors.phone}>
          {(a) => <Input {...a} name="phone" type="tel" autoComplete="tel" maxLength={20} />}
        </FormField>
        <FormField id="email" label="电子邮箱（可选）" errors={errors.email}>
          {(a) => <Input {...a} name="email" type="email" autoComplete="email" maxLength={120} />}
        </FormField>
        <FormField id="idNumber" label="身份证号码（可选）" errors={errors.idNumber}>
          {(a) => <Input {...a} name="idNumber" autoComplete="off" maxLength={18} />}
        </FormField>
      </Section>

      <div className="space-y-2">
        <Checkbox name="agree" label="我已阅读并同意：平台仅为专家服务基层工作收集上述个人信息，联系电话、邮箱、身份证号码对外脱敏显示，查看完整信息均记入审计日志。" />
        <FieldError errors={errors.agree} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>{pending ? "正在提交…" : "提交注册申请"}</Button>
        <FieldError errors={register.error} alert />
      </div>
    </form>
  );
}
