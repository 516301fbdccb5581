"use client";
import { Button } from "@/components/ui/button";
import { Outcome } from "@/components/ui/outcome";
import { useFormAction } from "@/components/ui/use-form-action";
import { saveSecuritySettingsAction } from "@/lib/security/settings-actions";

export function SecuritySettingsForm({ allowLegacyOffice, version }: { allowLegacyOffice: boolean; version: number }) {
  const save = useFormAction(saveSecuritySettingsAction);
  return (
    <form onSubmit={save.onSubmit} className="max-w-2xl space-y-4">
      <input type="hidden" name="version" value={version} />
      <div className="flex items-start gap-3">
        <input id="allowLegacyOffice" name="allowLegacyOffice" type="checkbox" defaultChecked={allowLegacyOffice}
          aria-describedby="allowLegacyOffice-hint" className="mt-1 h-4 w-4" />
        <div>
          <label htmlFor="allowLegacyOffice" className="font-medium text-slate-800">允许上传旧版及含宏的 Office 文件</label>
          <p id="allowLegacyOffice-hint" className="text-sm text-slate-600">
            旧版格式（.doc/.xls/.ppt）和启用宏的格式（.docm/.xlsm/.pptm）可能携带宏病毒。默认不接收；仅在确有需要、且已部署防病毒检查时开启。
          </p>
        </div>
      </div>
      <Outcome state={save.state} />
      <Button type="submit" disabled={save.pending}>{save.pending ? "正在保存…" : "保存"}</Button>
    </form>
  );
}
