/** A one-time password just issued: shown once, in its own status line, for the administrator to pass on. */
export function OneTimePasswordNote({ username, password }: { username: string; password: string }) {
  return (
    <p role="status" className="max-w-xs rounded bg-emerald-50 px-2 py-1 text-left text-xs text-emerald-900 ring-1 ring-emerald-200">
      一次性密码（只显示这一次，本人登录后须修改）：
      <code aria-label={`${username} 的一次性密码`} className="ml-1 font-mono text-sm text-slate-900">{password}</code>
    </p>
  );
}
