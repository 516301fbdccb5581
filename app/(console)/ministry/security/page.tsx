import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { SecuritySettingsForm } from "@/components/security/security-settings-form";
import { requirePermission } from "@/lib/auth/session";
import { securitySettings } from "@/lib/security/queries";

export const metadata: Metadata = { title: "上传安全策略" };

export default async function SecuritySettingsPage() {
  await requirePermission("/ministry/security", "console.ministry");
  await requirePermission("/ministry/security", "security.settings");
  const settings = await securitySettings();
  return (
    <>
      <PageHeader title="上传安全策略" subtitle="全国统一的附件上传规则；修改记入审计日志。" />
      <Card>
        <SecuritySettingsForm key={settings.version} allowLegacyOffice={settings.allowLegacyOffice} version={settings.version} />
      </Card>
    </>
  );
}
