"use client";
import { Button } from "@/components/ui/button";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveAnnouncementAction, stepAnnouncementAction } from "@/lib/announcements/actions";

type Existing = { id: string; version: number; title: string; body: string; pinned: boolean };

/** A new announcement (published at once or kept as a draft), or an edit of one. */
export function AnnouncementForm({ a }: { a?: Existing }) {
  const save = useFormAction(saveAnnouncementAction);
  const key = a?.id ?? "new";
  return (
    <form onSubmit={save.onSubmit} className="space-y-3" aria-label={a ? `修改公告：${a.title}` : "新建公告"} noValidate>
      {a && <input type="hidden" name="announcementId" value={a.id} />}
      {a && <input type="hidden" name="version" value={a.version} />}
      <FormField id={`ann-title-${key}`} label="标题" errors={save.fieldErrors.title}>
        {(x) => <Input {...x} name="title" defaultValue={a?.title} maxLength={80} required />}
      </FormField>
      <FormField id={`ann-body-${key}`} label="正文（每行一段）" errors={save.fieldErrors.body}>
        {(x) => <Textarea {...x} name="body" defaultValue={a?.body} rows={5} maxLength={5000} required />}
      </FormField>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="inline-flex items-center gap-2"><input type="checkbox" name="pinned" value="1" defaultChecked={a?.pinned} /> 置顶</label>
        {!a && <label className="inline-flex items-center gap-2"><input type="checkbox" name="publishNow" value="1" /> 立即发布</label>}
      </div>
      <Button type="submit" disabled={save.pending}>{save.pending ? "正在保存…" : a ? "保存修改" : "保存"}</Button>
      <Outcome state={save.state} />
    </form>
  );
}

export function AnnouncementStep({ id, version, step, title }: { id: string; version: number; step: "publish" | "withdraw"; title: string }) {
  const act = useFormAction(stepAnnouncementAction);
  const label = step === "publish" ? "发布" : "撤下";
  return (
    <form onSubmit={act.onSubmit} className="space-y-1">
      <input type="hidden" name="announcementId" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="step" value={step} />
      <Button type="submit" size="sm" variant={step === "publish" ? "primary" : "secondary"} disabled={act.pending} aria-label={`${label}：${title}`}>{label}</Button>
      {act.error && <Outcome state={act.state} />}
    </form>
  );
}
