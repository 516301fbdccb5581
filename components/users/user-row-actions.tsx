"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { useFormAction } from "@/components/ui/use-form-action";
import { setUserStatusAction, unlockUserAction } from "@/lib/users/actions";

type Props = { userId: string; username: string; status: string; locked: boolean; isSelf: boolean };

/** Unlock, and disable/enable with a confirmation step (停用 ends the user's sessions at once). */
export function UserRowActions({ userId, username, status, locked, isSelf }: Props) {
  const unlock = useFormAction(unlockUserAction);
  const enable = useFormAction(setUserStatusAction);
  const disable = useFormAction(setUserStatusAction);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex flex-wrap justify-end gap-1">
        {locked && (
          <form action={unlock.action}>
            <input type="hidden" name="userId" value={userId} />
            <Button type="submit" size="sm" variant="secondary" disabled={unlock.pending} aria-label={`解锁 ${username}`}>
              {unlock.pending ? "处理中…" : "解锁"}
            </Button>
          </form>
        )}
        {!isSelf && status === "DISABLED" && (
          <form action={enable.action}>
            <input type="hidden" name="userId" value={userId} />
            <input type="hidden" name="status" value="ACTIVE" />
            <Button type="submit" size="sm" variant="secondary" disabled={enable.pending} aria-label={`启用 ${username}`}>启用</Button>
          </form>
        )}
        {!isSelf && status === "ACTIVE" && (
          <ConfirmButton form={disable} fields={{ userId, status: "DISABLED" }} label="停用" ariaLabel={`停用 ${username}`} variant="ghost"
            size="sm" compact question="确认停用？" confirmAriaLabel={`确认停用 ${username}`} />
        )}
      </div>
      <FieldError errors={unlock.error ?? enable.error} alert compact />
    </div>
  );
}
