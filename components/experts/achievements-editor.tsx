"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { EmptyState } from "@/components/ui/empty-state";
import { EnumSelect } from "@/components/ui/enum-select";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { addAchievementAction, removeAchievementAction, updateAchievementAction } from "@/lib/experts/actions";
import { ACHIEVEMENT_KIND_LABEL } from "@/lib/labels";

export type AchievementItem = { id: string; kind: keyof typeof ACHIEVEMENT_KIND_LABEL; title: string; abstract: string; year: number | null };

function AchievementForm({ expertId, item, onDone }: { expertId: string; item?: AchievementItem; onDone?: () => void }) {
  const save = useFormAction<unknown>(item ? updateAchievementAction : addAchievementAction);
  const { state, pending, fieldErrors: errors } = save;
  const prefix = item ? `ach-${item.id}` : "ach-new";
  return (
    <form
      noValidate
      aria-label={item ? `修改成果 ${item.title}` : "添加代表性成果"}
      className="grid gap-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 sm:grid-cols-4"
      onSubmit={save.onSubmit}
    >
      <input type="hidden" name="expertId" value={expertId} />
      {item && <input type="hidden" name="achievementId" value={item.id} />}
      <FormField id={`${prefix}-kind`} label="成果类型" errors={errors.kind}>
        {(a) => <EnumSelect {...a} name="kind" defaultValue={item?.kind ?? "PAPER"} choices={ACHIEVEMENT_KIND_LABEL} />}
      </FormField>
      <FormField id={`${prefix}-title`} label="成果名称" errors={errors.title} className="sm:col-span-2">
        {(a) => <Input {...a} name="title" defaultValue={item?.title} maxLength={200} />}
      </FormField>
      <FormField id={`${prefix}-year`} label="年份" errors={errors.year}>
        {(a) => <Input {...a} name="year" type="number" inputMode="numeric" defaultValue={item?.year ?? ""} min={1950} />}
      </FormField>
      <FormField id={`${prefix}-abstract`} label="简介" errors={errors.abstract} className="sm:col-span-4">
        {(a) => <Textarea {...a} name="abstract" defaultValue={item?.abstract} rows={2} maxLength={1000} />}
      </FormField>
      <div className="flex items-center gap-3 sm:col-span-4">
        <Button type="submit" size="sm" disabled={pending}>{item ? "保存成果" : "添加成果"}</Button>
        {onDone && <Button size="sm" variant="ghost" onClick={onDone}>{state?.ok ? "完成" : "取消"}</Button>}
        {state && (
          <span role={state.ok ? "status" : "alert"} className={state.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
            {state.ok ? state.message : state.error}
          </span>
        )}
      </div>
    </form>
  );
}

function RemoveButton({ expertId, item }: { expertId: string; item: AchievementItem }) {
  const remove = useFormAction(removeAchievementAction);
  return (
    <ConfirmButton form={remove} fields={{ expertId, achievementId: item.id }} label="删除" ariaLabel={`删除成果 ${item.title}`} variant="ghost"
      size="sm" compact question="确认删除？" confirmAriaLabel={`确认删除成果 ${item.title}`} />
  );
}

/** 代表性成果: list, and (when editable) add, edit and remove. */
export function AchievementsEditor({ expertId, items, editable }: { expertId: string; items: AchievementItem[]; editable: boolean }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <div className="space-y-4">
      {items.length === 0 ? (
        <EmptyState title="暂无代表性成果">{editable ? "可在下方添加论文、专利、项目、奖励或标准。" : null}</EmptyState>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="代表性成果">
          {items.map((a) => (
            <li key={a.id} className="py-3">
              {editing === a.id ? (
                <AchievementForm expertId={expertId} item={a} onDone={() => setEditing(null)} />
              ) : (
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <p className="text-sm font-medium text-slate-900">
                      <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600">{ACHIEVEMENT_KIND_LABEL[a.kind]}</span>
                      {a.title}{a.year ? <span className="ml-2 text-xs text-slate-500">{a.year} 年</span> : null}
                    </p>
                    {a.abstract && <p className="mt-1 text-sm text-slate-600">{a.abstract}</p>}
                  </div>
                  {editable && (
                    <div className="flex items-start gap-1">
                      <Button size="sm" variant="ghost" onClick={() => setEditing(a.id)} aria-label={`修改成果 ${a.title}`}>修改</Button>
                      <RemoveButton expertId={expertId} item={a} />
                    </div>
                  )}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && <AchievementForm key={items.length} expertId={expertId} />}
    </div>
  );
}
