"use client";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { FieldError } from "@/components/ui/field-error";
import { useFormAction } from "@/components/ui/use-form-action";
import { OneTimePasswordNote } from "@/components/users/one-time-password";
import { resetPasswordAction, setUserStatusAction, unlockUserAction } from "@/lib/users/actions";

type Props = { userId: string; username: string; status: string; locked: boolean; isSelf: boolean; canReset: boolean };

/** Unlock, and disable/enable with a confirmation step (停用 ends the user's sessions at once). */
export function UserRowActions({ userId, username, status, locked, isSelf, canReset }: Props) {
  const reset = useFormAction(resetPasswordAction);
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
        {!isSelf && canReset && (
          <ConfirmButton form={reset} fields={{ userId }} label="重置密码" ariaLabel={`重置 ${username} 的密码`} variant="ghost"
            size="sm" compact question="重置后原密码失效、本人已登录的会话全部结束。确认重置？" confirmAriaLabel={`确认重置 ${username} 的密码`} />
        )}
      </div>
      {reset.state?.ok && <OneTimePasswordNote username={username} password={reset.state.data.oneTimePassword} />}
      <FieldError errors={unlock.error ?? enable.error} alert compact />
    </div>
  );
}
