"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { setUserStatusAction, unlockUserAction } from "@/lib/users/actions";

type Props = { userId: string; username: string; status: string; locked: boolean; isSelf: boolean };

/** Unlock, and disable/enable with a confirmation step (停用 ends the user's sessions at once). */
export function UserRowActions({ userId, username, status, locked, isSelf }: Props) {
  const [unlockState, unlock, unlocking] = useActionState(unlockUserAction, null);
  const [statusState, changeStatus, changing] = useActionState(setUserStatusAction, null);
  const [confirming, setConfirming] = useState(false);
  const error = (unlockState && !unlockState.ok && unlockState.error) || (statusState && !statusState.ok && statusState.error);

  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        {locked && (
          <form action={unlock}>
            <input type="hidden" name="userId" value={userId} />
            <Button type="submit" size="sm" variant="secondary" disabled={unlocking} aria-label={`解锁 ${username}`}>
              {unlocking ? "处理中…" : "解锁"}
            </Button>
          </form>
        )}
        {!isSelf && status === "DISABLED" && (
          <form action={changeStatus}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="status" value="ACTIVE" />
            <Button type="submit" size="sm" variant="secondary" disabled={changing} aria-label={`启用 ${username}`}>启用</Button>
          </form>
        )}
        {!isSelf && status === "ACTIVE" && !confirming && (
          <Button size="sm" variant="ghost" onClick={() => setConfirming(true)} aria-label={`停用 ${username}`}>停用</Button>
        )}
        {!isSelf && status === "ACTIVE" && confirming && (
          <form action={changeStatus} className="flex items-center gap-1" onSubmit={() => setConfirming(false)}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="status" value="DISABLED" />
            <span className="text-xs text-slate-600">确认停用？</span>
            <Button type="submit" size="sm" variant="danger" disabled={changing} aria-label={`确认停用 ${username}`}>确认</Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>取消</Button>
          </form>
        )}
      </div>
      {error && <p role="alert" className="text-xs text-red-700">{error}</p>}
    </div>
  );
}
