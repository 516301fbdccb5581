"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { StoryEditor, type StoryImage } from "@/components/cases/story-editor";
import { Button } from "@/components/ui/button";
import { DecisionButtons } from "@/components/ui/decision-form";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import {
  createCaseAction, refreshFiguresAction, removeCaseImageAction, reopenCaseAction, reviewCaseAction, saveCaseAction, submitCaseAction,
  uploadCaseImageAction, withdrawCaseAction,
} from "@/lib/cases/actions";
import type { BaseField, CaseSourceKind, ServiceForm } from "@/lib/generated/prisma/enums";
import { BASE_FIELD_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";

/** 撰写案例 from a shortlisted source: creates the draft and opens it. */
export function StartCase({ kind, id, title }: { kind: CaseSourceKind; id: string; title: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  // Not useFormAction: once the draft exists the candidate leaves the shortlist and this form unmounts, so the
  // navigation follows the action's result directly rather than an effect of this component.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(async () => {
      const r = await createCaseAction(null, data);
      if (r.ok) router.push(`/editorial/cases/${r.data.id}`);
      else setError(r.error);
    });
  };
  return (
    <form onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="sourceKind" value={kind} />
      <input type="hidden" name="sourceId" value={id} />
      <Button type="submit" size="sm" disabled={pending} aria-label={`撰写案例：${title}`}>{pending ? "正在创建…" : "撰写案例"}</Button>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </form>
  );
}

type Editable = {
  id: string; version: number; title: string; summary: string; body: string; field: BaseField | null; forms: ServiceForm[]; replicable: boolean;
};

export function CaseForm({ c, images }: { c: Editable; images: StoryImage[] }) {
  const save = useFormAction(saveCaseAction);
  const e = save.fieldErrors;
  return (
    <form onSubmit={save.onSubmit} className="space-y-4" aria-label="编辑案例" noValidate>
      <input type="hidden" name="caseId" value={c.id} />
      <input type="hidden" name="version" value={c.version} />
      <FormField id="case-title" label="标题" errors={e.title}>
        {(a) => <Input {...a} name="title" defaultValue={c.title} maxLength={80} required />}
      </FormField>
      <FormField id="case-summary" label="摘要（门户列表显示，至少 20 字）" errors={e.summary}>
        {(a) => <Textarea {...a} name="summary" defaultValue={c.summary} rows={3} maxLength={300} />}
      </FormField>
      <div>
        <p id="case-body-label" className="block text-sm font-medium text-slate-700">正文（至少 100 字；可插入已上传的图片）</p>
        <div className="mt-1">
          <StoryEditor name="body" initial={c.body} labelId="case-body-label" describedBy={e.body ? "case-body-error" : undefined} images={images} />
        </div>
        <FieldError id={e.body ? "case-body-error" : undefined} errors={e.body} className="mt-1" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField id="case-field" label="领域" errors={e.field}>
          {(a) => <EnumSelect {...a} name="field" choices={BASE_FIELD_LABEL} all="请选择" defaultValue={c.field ?? ""} />}
        </FormField>
        <div className="flex items-end pb-2">
          <label className="inline-flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" name="replicable" value="1" defaultChecked={c.replicable} className="h-4 w-4" /> 可复制推广
          </label>
        </div>
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-700">服务形式</legend>
        <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
          {(Object.keys(SERVICE_FORM_LABEL) as ServiceForm[]).map((f) => (
            <label key={f} className="inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="forms" value={f} defaultChecked={c.forms.includes(f)} /> {SERVICE_FORM_LABEL[f]}
            </label>
          ))}
        </div>
        <FieldError errors={e.forms} className="mt-1" />
      </fieldset>
      <Button type="submit" disabled={save.pending}>{save.pending ? "正在保存…" : "保存"}</Button>
      <Outcome state={save.state} />
    </form>
  );
}

export function CaseImages({ caseId, images }: { caseId: string; images: StoryImage[] }) {
  const upload = useFormAction(uploadCaseImageAction);
  const remove = useFormAction(removeCaseImageAction);
  return (
    <div className="space-y-3">
      <form onSubmit={upload.onSubmit} className="flex flex-wrap items-end gap-2" aria-label="上传图片">
        <input type="hidden" name="caseId" value={caseId} />
        <FormField id="case-image" label="上传图片（PNG、JPG、GIF、WebP，单张不超过 20 MB）" errors={upload.fieldErrors.file}>
          {(a) => <input {...a} type="file" name="file" accept="image/png,image/jpeg,image/gif,image/webp" className="text-sm" />}
        </FormField>
        <Button type="submit" size="sm" disabled={upload.pending}>{upload.pending ? "正在上传…" : "上传"}</Button>
      </form>
      <Outcome state={upload.state} />
      {images.length > 0 && (
        <ul className="space-y-1 text-sm">
          {images.map((img) => (
            <li key={img.id} className="flex items-center gap-2">
              <a href={`/api/case-images/${img.id}`} className="text-brand-700 underline" target="_blank" rel="noreferrer">{img.fileName}</a>
              <form onSubmit={remove.onSubmit}>
                <input type="hidden" name="attachmentId" value={img.id} />
                <Button type="submit" size="sm" variant="secondary" disabled={remove.pending} aria-label={`删除图片 ${img.fileName}`}>删除</Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      {remove.error && <Outcome state={remove.state} />}
    </div>
  );
}

export function RefreshFigures({ caseId, version }: { caseId: string; version: number }) {
  const refresh = useFormAction(refreshFiguresAction);
  return (
    <form onSubmit={refresh.onSubmit} className="space-y-1">
      <input type="hidden" name="caseId" value={caseId} />
      <input type="hidden" name="version" value={version} />
      <Button type="submit" size="sm" variant="secondary" disabled={refresh.pending}>按已确认的服务记录更新数据</Button>
      <Outcome state={refresh.state} />
    </form>
  );
}

export function SubmitCase({ caseId, version }: { caseId: string; version: number }) {
  const submit = useFormAction(submitCaseAction);
  return (
    <div className="space-y-2">
      <form onSubmit={submit.onSubmit}>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <Button type="submit" disabled={submit.pending}>{submit.pending ? "正在送审…" : "送审"}</Button>
      </form>
      <Outcome state={submit.state} />
    </div>
  );
}

export function ReopenCase({ caseId, version }: { caseId: string; version: number }) {
  const reopen = useFormAction(reopenCaseAction);
  return (
    <div className="space-y-2">
      <form onSubmit={reopen.onSubmit}>
        <input type="hidden" name="caseId" value={caseId} />
        <input type="hidden" name="version" value={version} />
        <Button type="submit" variant="secondary" disabled={reopen.pending}>重新编辑</Button>
      </form>
      <Outcome state={reopen.state} />
    </div>
  );
}

export function ReviewCase({ caseId, version }: { caseId: string; version: number }) {
  const review = useFormAction(reviewCaseAction);
  return (
    <div className="space-y-2">
      <DecisionButtons form={review} fields={{ caseId, version }} decisions={[
        { value: "publish", label: "审核通过并发布", question: "发布后案例将出现在门户网站的典型案例库中。确认发布？", confirm: "确认发布", tone: "success" },
        { value: "return", label: "退回修改", variant: "secondary", confirm: "确认退回", reason: { label: "退回意见", required: true, rows: 3, maxLength: 500 } },
        { value: "reject", label: "不予采用", variant: "danger", tone: "danger", confirm: "确认不予采用", confirmVariant: "danger",
          reason: { label: "不予采用的原因", required: true, rows: 3, maxLength: 500 } },
      ]} />
      {review.done && <Outcome state={review.state} />}
    </div>
  );
}

export function WithdrawCase({ caseId, version }: { caseId: string; version: number }) {
  const withdraw = useFormAction(withdrawCaseAction);
  return (
    <div className="space-y-2">
      <DecisionButtons form={withdraw} fields={{ caseId, version }} decisions={[
        { value: "withdraw", label: "撤回", variant: "danger", tone: "danger", confirm: "确认撤回", confirmVariant: "danger",
          question: "撤回后案例立即从门户网站撤下。", reason: { label: "撤回原因", required: true, rows: 3, maxLength: 500 } },
      ]} />
      {withdraw.done && <Outcome state={withdraw.state} />}
    </div>
  );
}
