"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input } from "@/components/ui/form-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { addAvailabilityAction, removeAvailabilityAction } from "@/lib/experts/actions";
import { AVAILABILITY_KIND_LABEL } from "@/lib/labels";

export type AvailabilityItem = { id: string; kind: "AVAILABLE" | "BLACKOUT"; startsOn: string; endsOn: string; note: string | null };

function Remove({ expertId, item }: { expertId: string; item: AvailabilityItem }) {
  const remove = useFormAction(removeAvailabilityAction);
  return (
    <>
      <Button size="sm" variant="ghost" disabled={remove.pending} aria-label={`删除 ${item.startsOn} 至 ${item.endsOn}`}
        onClick={() => remove.run({ expertId, availabilityId: item.id })}>删除</Button>
      <FieldError errors={remove.error} alert compact />
    </>
  );
}

/** 可服务时段 and 不可服务日期: list, add, remove. */
export function AvailabilityEditor({ expertId, items, editable }: { expertId: string; items: AvailabilityItem[]; editable: boolean }) {
  const add = useFormAction(addAvailabilityAction);
  const errors = add.fieldErrors;
  return (
    <div className="space-y-4">
      {items.length === 0 ? (
        <p className="text-sm text-slate-500">未填写时段：视为全年均可服务。</p>
      ) : (
        <ul className="divide-y divide-slate-100" aria-label="服务时段">
          {items.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
              <span className="flex items-center gap-2">
                <Badge tone={a.kind === "AVAILABLE" ? "success" : "warning"}>{AVAILABILITY_KIND_LABEL[a.kind]}</Badge>
                {a.startsOn} 至 {a.endsOn}{a.note ? <span className="text-slate-500">（{a.note}）</span> : null}
              </span>
              {editable && <div className="flex items-center gap-1"><Remove expertId={expertId} item={a} /></div>}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <form key={items.length} noValidate aria-label="添加服务时段" className="grid gap-3 rounded-md bg-slate-50 p-3 ring-1 ring-slate-200 sm:grid-cols-4"
          onSubmit={add.onSubmit}>
          <input type="hidden" name="expertId" value={expertId} />
          <FormField id="av-kind" label="类型" errors={errors.kind}>
            {(a) => <EnumSelect {...a} name="kind" defaultValue="AVAILABLE" choices={AVAILABILITY_KIND_LABEL} />}
          </FormField>
          <FormField id="av-start" label="开始日期" errors={errors.startsOn}>
            {(a) => <Input {...a} name="startsOn" type="date" />}
          </FormField>
          <FormField id="av-end" label="结束日期" errors={errors.endsOn}>
            {(a) => <Input {...a} name="endsOn" type="date" />}
          </FormField>
          <FormField id="av-note" label="备注" errors={errors.note}>
            {(a) => <Input {...a} name="note" maxLength={200} />}
          </FormField>
          <div className="flex items-center gap-3 sm:col-span-4">
            <Button type="submit" size="sm" disabled={add.pending}>添加时段</Button>
            <FieldError errors={add.error} alert />
          </div>
        </form>
      )}
    </div>
  );
}
