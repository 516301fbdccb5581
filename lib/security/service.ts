import type { Tx } from "@/lib/db";
import { conflict } from "@/lib/errors";

/** Save the switches; `version` guards against two ministry users saving at once (exactly one wins). */
export async function saveSecuritySettings(tx: Tx, actorId: string, input: { allowLegacyOffice: boolean; version: number }) {
  if (input.version === 0) {
    const created = await tx.securitySettings.createMany({
      data: [{ id: "default", allowLegacyOffice: input.allowLegacyOffice, updatedById: actorId, version: 1 }],
      skipDuplicates: true,
    });
    if (created.count) return;
  }
  const { count } = await tx.securitySettings.updateMany({
    where: { id: "default", version: input.version },
    data: { allowLegacyOffice: input.allowLegacyOffice, updatedById: actorId, version: { increment: 1 } },
  });
  if (!count) throw conflict("设置已被他人修改，请刷新后重试");
}
