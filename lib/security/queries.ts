import { db, type Tx } from "@/lib/db";

/** The ministry's security switches (one row; defaults when it has never been saved). */
export async function securitySettings(client: Tx = db) {
  const row = await client.securitySettings.findUnique({ where: { id: "default" } });
  return { allowLegacyOffice: row?.allowLegacyOffice ?? false, version: row?.version ?? 0 };
}

