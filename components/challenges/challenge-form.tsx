"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { CodePicker, type PickerOption } from "@/components/pickers/code-picker";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveChallengeAction } from "@/lib/challenges/actions";
import { MAX_INDICATORS } from "@/lib/challenges/schemas";

export type ChallengeValues = {
  challengeId: string; version: number; title: string; problem: string; indicators: string[]; requirements: string;
  rewardYuan: number | null; bidDeadline: string; ipTerms: string; disciplineCodes: string[]; national: boolean;
};

/** The enterprise's challenge (企业出题): saved as a draft or submitted for the government to verify and publish. */
export function ChallengeForm({ values, disciplines, enterpriseName }: { values?: ChallengeValues; disciplines: PickerOption[]; enterpriseName: string }) {
  const save = useFormAction(saveChallengeAction);
  const router = useRouter();
  const fe = save.fieldErrors;
  const id = save.state?.ok ? save.state.data.id : undefined;
  const v = values;
  useEffect(() => {
    if (id && !v) router.push(`/enterprise/challenges/${id}`);
  }, [id, v, router]);
  return (
    <form onSubmit={save.onSubmit} className="space-y-6" aria-label="揭榜挂帅题目" noValidate>
      {v && <input type="hidden" name="challengeId" value={v.challengeId} />}
      {v && <input type="hidden" name="version" value={v.version} />}
      <Card title="题目">
        <p className="mb-3 text-sm text-slate-600">出题企业：{enterpriseName}（所在地区即题目所在地区，由所在省级人社部门审核发榜）</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField id="ch-title" label="题目名称" errors={fe.title} className="sm:col-span-2">
            {(a) => <Input {...a} name="title" maxLength={60} defaultValue={v?.title} required />}
          </FormField>
          <FormField id="ch-problem" label="需要攻关的问题" hint="现状、难点、已做过的尝试" errors={fe.problem} className="sm:col-span-2">
            {(a) => <Textarea {...a} name="problem" rows={5} maxLength={3000} defaultValue={v?.problem} required />}
          </FormField>
          <FormField id="ch-indicators" label="需达到的技术指标" hint={`每行一条，最多 ${MAX_INDICATORS} 条；验收时逐条对照`} errors={fe.indicators} className="sm:col-span-2">
            {(a) => <Textarea {...a} name="indicators" rows={4} defaultValue={v?.indicators.join("\n")} required />}
          </FormField>
          <FormField id="ch-requirements" label="其他要求（可选）" errors={fe.requirements} className="sm:col-span-2">
            {(a) => <Textarea {...a} name="requirements" rows={2} maxLength={1000} defaultValue={v?.requirements} />}
          </FormField>
          <FormField id="ch-reward" label="榜单金额（元）" hint="企业支付的攻关经费或奖励" errors={fe.rewardYuan}>
            {(a) => <Input {...a} name="rewardYuan" type="number" min={1} step={1} defaultValue={v?.rewardYuan ?? ""} required />}
          </FormField>
          <FormField id="ch-deadline" label="揭榜截止日期" errors={fe.bidDeadline}>
            {(a) => <Input {...a} name="bidDeadline" type="date" defaultValue={v?.bidDeadline} required />}
          </FormField>
          <FormField id="ch-ip" label="知识产权约定" hint="攻关成果的知识产权归属、使用与收益分配" errors={fe.ipTerms} className="sm:col-span-2">
            {(a) => <Textarea {...a} name="ipTerms" rows={3} maxLength={1000} defaultValue={v?.ipTerms} required />}
          </FormField>
          <FormField id="ch-disciplines" label="学科领域（可选）" hint="用于匹配揭榜团队和评审专家，最多 5 个" errors={fe.disciplineCodes} className="sm:col-span-2">
            {(a) => <CodePicker {...a} name="disciplineCodes" options={disciplines} defaultValue={v?.disciplineCodes} max={5} />}
          </FormField>
          <label className="inline-flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" name="national" defaultChecked={v?.national} /> 申请作为国家级题目（由人社部审核发榜）
          </label>
        </div>
      </Card>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" name="intent" value="submit" disabled={save.pending}>{save.pending ? "正在保存…" : "提交发榜"}</Button>
        <Button type="submit" name="intent" value="save" variant="secondary" disabled={save.pending}>保存草稿</Button>
      </div>
      <Outcome state={save.state} />
    </form>
  );
}
