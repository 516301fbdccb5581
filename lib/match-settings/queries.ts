import { db } from "@/lib/db";
import { listFits } from "@/lib/match-settings/refit-service";
import { readSettings } from "@/lib/match-settings/service";

/** The settings as the page shows them, with who saved them last. */
export async function settingsForPage() {
  const s = await readSettings(db);
  const by = s.updatedById ? await db.user.findUnique({ where: { id: s.updatedById }, select: { displayName: true } }) : null;
  return { ...s, updatedByName: by?.displayName ?? null };
}

/** Recently published needs to preview the weights on (the ministry sees every province's). */
export async function previewNeeds(limit = 100) {
  return db.need.findMany({
    where: { state: "OPEN" },
    orderBy: [{ reviewedAt: { sort: "desc", nulls: "last" } }, { id: "asc" }],
    take: limit,
    select: { id: true, code: true, title: true },
  });
}

/** The latest weights proposals fitted from outcomes, newest first. */
export async function weightFits() {
  return listFits(db, 10);
}
