import { ExpertStatus, LibraryStatus, NominationState } from "@/lib/generated/prisma/client";
import { meetsLevel } from "@/lib/library/criteria";
import { addDays, between, type DemoContext, ids, SEED_NOW } from "./demo-context";
import type { Admins } from "./demo-people";
import type { ExpertPool } from "./demo-experts";

// 重点联系专家库 demo data on top of the pool's library states (demo-experts.ts): every demo nomination carries the
// declarations its reason states (本人自愿, 身体健康); members who left have a date and a reason; and Sichuan and
// Zhejiang (the demo province accounts) each have pending nominations, so both the ministry's queue and the
// provinces' own lists have something to act on.

const LEFT_REASONS = [
  "本人工作调动至行政岗位，申请退出。",
  "年龄和身体原因，本人申请退出。",
  "长期在海外开展合作研究，难以参加服务基层活动，本人申请退出。",
  "所在单位科研任务繁重，本人申请退出。",
];

/** Extra pending nominations per demo province. */
const PENDING_PER_PROVINCE: Record<string, number> = { "51": 2, "33": 3 };

export function buildLibrary(ctx: DemoContext, admins: Admins, pool: ExpertPool): void {
  const rng = ctx.rng.fork("library");
  for (const n of ctx.rows.nominations) {
    n.willing = true;
    n.healthy = true;
  }

  for (const row of ctx.rows.experts) {
    if (row.libraryStatus !== LibraryStatus.LEFT) continue;
    const joined = (row.libraryJoinedAt as Date | null) ?? new Date("2025-01-01T10:00:00+08:00");
    const from = addDays(joined, 90);
    row.libraryLeftAt = between(rng, from < SEED_NOW ? from : addDays(SEED_NOW, -30), SEED_NOW);
    row.libraryLeftReason = rng.pick(LEFT_REASONS);
  }

  for (const [provinceCode, count] of Object.entries(PENDING_PER_PROVINCE)) {
    const candidates = pool.experts.filter((e) => {
      const row = ctx.rows.experts[e.rowIndex];
      return e.n > 0 && e.provinceCode === provinceCode && e.usable && e.status === ExpertStatus.ACTIVE &&
        row.libraryStatus === LibraryStatus.NONE && meetsLevel({ title: e.title, talentCategories: e.talent });
    });
    for (const e of rng.sample(candidates, count)) {
      ctx.rows.experts[e.rowIndex].libraryStatus = LibraryStatus.NOMINATED;
      const at = between(rng, "2026-10-20", "2026-11-18");
      ctx.rows.nominations.push({
        id: ids.of("nomination", `pending-${e.n}`), expertId: e.id, provinceCode,
        nominatedById: admins.provinceAdmin.get(provinceCode) as string,
        reason: `${e.name}在${e.skills[0]}方面经验丰富，近年多次赴县乡开展技术服务，群众认可度高。本人自愿参加专家服务基层活动，身体健康，推荐纳入重点联系专家库。`,
        willing: true, healthy: true, state: NominationState.NOMINATED, createdAt: at, updatedAt: at,
      });
    }
  }
}
