"use client";
import { Button, LinkButton } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteMenuItemAction, restoreMenuItemAction, retireMenuItemAction } from "@/lib/menu/actions";

type Props = { id: string; name: string; retired: boolean; needCount: number };

/** Edit, retire / restore, and delete (only for items no need uses; confirmed first). */
export function MenuRowActions({ id, name, retired, needCount }: Props) {
  const retire = useFormAction(retireMenuItemAction);
  const restore = useFormAction(restoreMenuItemAction);
  const toggle = retired ? restore : retire;
  const remove = useFormAction(deleteMenuItemAction);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        <LinkButton href={`/ministry/menu/${id}`} size="sm" variant="secondary" aria-label={`编辑 ${name}`}>编辑</LinkButton>
        <form action={toggle.action}>
          <input type="hidden" name="id" value={id} />
          <Button type="submit" size="sm" variant="secondary" disabled={toggle.pending} aria-label={`${retired ? "恢复" : "停用"} ${name}`}>
            {retired ? "恢复" : "停用"}
          </Button>
        </form>
        {needCount === 0 && (
          <ConfirmButton form={remove} fields={{ id }} label="删除" ariaLabel={`删除 ${name}`} variant="ghost" size="sm" compact
            question="删除后不可恢复，确认删除？" confirmAriaLabel={`确认删除 ${name}`} />
        )}
      </div>
      <FieldError errors={toggle.error} alert compact />
    </div>
  );
}
