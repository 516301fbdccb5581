"use client";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field-error";
import { useFormAction } from "@/components/ui/use-form-action";
import { revealPersonalAction } from "@/lib/experts/actions";
import type { PersonalData } from "@/lib/privacy/mask";

type Props = { expertId: string; masked: PersonalData; canReveal: boolean };

/**
 * Phone, e-mail and ID number, masked. Those allowed may ask for the full values: the server checks permission and
 * scope again, writes an audit row, and only then returns them (they are never part of the page).
 */
export function PersonalDataPanel({ expertId, masked, canReveal }: Props) {
  const reveal = useFormAction(revealPersonalAction);
  const { state, pending } = reveal;
  const shown = state?.ok ? state.data : masked;
  const rows: [string, string | null][] = [["联系电话", shown.phone], ["电子邮箱", shown.email], ["身份证号码", shown.idNumber]];
  return (
    <div>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-3">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-xs text-slate-500">{label}</dt>
            <dd className="mt-0.5 font-mono text-sm text-slate-900" data-testid={`personal-${label}`}>{value ?? "—"}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {canReveal && !state?.ok && (
          <Button size="sm" variant="secondary" disabled={pending}
            onClick={() => reveal.run({ expertId })}>
            {pending ? "正在获取…" : "显示完整信息"}
          </Button>
        )}
        {state?.ok && <p role="status" className="text-xs text-amber-800">已显示完整信息，本次查看已记入审计日志。</p>}
        <FieldError errors={reveal.error} alert />
        {!canReveal && <p className="text-xs text-slate-500">个人信息已脱敏显示。</p>}
      </div>
    </div>
  );
}
