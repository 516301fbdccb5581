"use client";
import { useActionState, useState } from "react";
import { Button, LinkButton } from "@/components/ui/button";
import { deleteMenuItemAction, restoreMenuItemAction, retireMenuItemAction } from "@/lib/menu/actions";

type Props = { id: string; name: string; retired: boolean; needCount: number };

/** Edit, retire / restore, and delete (only for items no need uses; confirmed first). */
export function MenuRowActions({ id, name, retired, needCount }: Props) {
  const [retireState, retire, retiring] = useActionState(retireMenuItemAction, null);
  const [restoreState, restore, restoring] = useActionState(restoreMenuItemAction, null);
  const [deleteState, remove, removing] = useActionState(deleteMenuItemAction, null);
  const [confirming, setConfirming] = useState(false);
  const error = [retireState, restoreState, deleteState].find((s) => s && !s.ok);

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        <LinkButton href={`/ministry/menu/${id}`} size="sm" variant="secondary" aria-label={`编辑 ${name}`}>编辑</LinkButton>
        {retired ? (
          <form action={restore}>
            <input type="hidden" name="id" value={id} />
            <Button type="submit" size="sm" variant="secondary" disabled={restoring} aria-label={`恢复 ${name}`}>恢复</Button>
          </form>
        ) : (
          <form action={retire}>
            <input type="hidden" name="id" value={id} />
            <Button type="submit" size="sm" variant="secondary" disabled={retiring} aria-label={`停用 ${name}`}>停用</Button>
          </form>
        )}
        {needCount === 0 && !confirming && (
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`删除 ${name}`}>删除</Button>
        )}
        {needCount === 0 && confirming && (
          <form action={remove} className="flex items-center gap-1" onSubmit={() => setConfirming(false)}>
            <input type="hidden" name="id" value={id} />
            <span className="text-xs text-slate-600">删除后不可恢复，确认删除？</span>
            <Button type="submit" size="sm" variant="danger" disabled={removing} aria-label={`确认删除 ${name}`}>确认</Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>取消</Button>
          </form>
        )}
      </div>
      {error && !error.ok && <p role="alert" className="text-xs text-red-700">{error.error}</p>}
    </div>
  );
}
