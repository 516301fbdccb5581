"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";
import { Button, LinkButton } from "@/components/ui/button";
import { EnumSelect } from "@/components/ui/enum-select";
import { FieldError } from "@/components/ui/field-error";
import { FormField, Input, Textarea } from "@/components/ui/form-field";
import { useFormAction } from "@/components/ui/use-form-action";
import { createMenuItemAction, updateMenuItemAction } from "@/lib/menu/actions";
import { DELIVERY_MODE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";

export type MenuItemValues = {
  id: string;
  version: number;
  form: string;
  name: string;
  description: string;
  typicalDurationDays: number;
  delivery: string;
  sortOrder: number;
};

/** Create (no `item`) or edit a menu item; field errors are shown beside their fields. */
export function MenuItemForm({ item }: { item?: MenuItemValues }) {
  const router = useRouter();
  const submit = useFormAction(item ? updateMenuItemAction : createMenuItemAction);
  const { state, pending, fieldErrors: errors } = submit;
  useEffect(() => {
    if (state?.ok) router.push("/ministry/menu");
  }, [state, router]);

  return (
    <form onSubmit={submit.onSubmit} className="grid max-w-3xl gap-4 rounded-lg bg-white p-5 shadow-sm ring-1 ring-slate-200 sm:grid-cols-2" noValidate>
      {item && (
        <>
          <input type="hidden" name="id" value={item.id} />
          <input type="hidden" name="version" value={item.version} />
        </>
      )}
      <FormField id="name" label="名称" errors={errors.name} hint="2–40 个字，全平台唯一">
        {(a) => <Input {...a} name="name" defaultValue={item?.name} maxLength={40} required />}
      </FormField>
      <FormField id="form" label="服务形式" errors={errors.form}>
        {(a) => <EnumSelect {...a} name="form" defaultValue={item?.form ?? ""} required placeholder="请选择" choices={SERVICE_FORM_LABEL} />}
      </FormField>
      <FormField id="description" label="服务内容" errors={errors.description} className="sm:col-span-2" hint="向基层单位说明服务做什么、怎么做（不超过 500 字）">
        {(a) => <Textarea {...a} name="description" defaultValue={item?.description} maxLength={500} rows={4} required />}
      </FormField>
      <FormField id="typicalDurationDays" label="典型服务时长（天）" errors={errors.typicalDurationDays}>
        {(a) => <Input {...a} name="typicalDurationDays" type="number" min={1} max={3650} inputMode="numeric" defaultValue={item?.typicalDurationDays} required />}
      </FormField>
      <FormField id="delivery" label="服务方式" errors={errors.delivery}>
        {(a) => <EnumSelect {...a} name="delivery" defaultValue={item?.delivery ?? "EITHER"} choices={DELIVERY_MODE_LABEL} />}
      </FormField>
      <FormField id="sortOrder" label="排序" errors={errors.sortOrder} hint="同一服务形式内按数字从小到大排列">
        {(a) => <Input {...a} name="sortOrder" type="number" min={0} max={99999} inputMode="numeric" defaultValue={item?.sortOrder ?? 0} />}
      </FormField>
      <div className="col-span-full flex flex-wrap items-center gap-2">
        <Button type="submit" disabled={pending}>{pending ? "保存中…" : item ? "保存修改" : "新增菜单项"}</Button>
        <LinkButton href="/ministry/menu" variant="secondary">返回</LinkButton>
        <FieldError errors={submit.error} alert />
      </div>
    </form>
  );
}
