import type { ExpertStatus } from "@/lib/generated/prisma/enums";
import { isStale } from "@/lib/experts/stale";

// Whether an expert may be proposed by the matching engine. Pure: the engine, the profile page and the tests share it.
// Notice §4: retired experts take part only when healthy and willing — both declarations are required.

export type MatchabilityInput = {
  status: ExpertStatus;
  isRetired: boolean;
  healthAttestedAt: Date | null;
  consentAttestedAt: Date | null;
  lastConfirmedAt: Date | null;
};

export type Matchability = {
  matchable: boolean;
  /** Why not (hard blocks), in Chinese; empty when matchable. */
  reasons: string[];
  /** Advice that does not block matching (e.g. a profile not confirmed for 12 months). */
  warnings: string[];
};

export function matchability(expert: MatchabilityInput, now = new Date()): Matchability {
  const reasons: string[] = [];
  const warnings: string[] = [];
  if (expert.status === "PENDING") reasons.push("注册信息尚待省级审核");
  else if (expert.status === "SUSPENDED") reasons.push("专家档案已暂停");
  if (expert.isRetired) {
    if (!expert.healthAttestedAt) reasons.push("退休专家尚未声明身体健康状况");
    if (!expert.consentAttestedAt) reasons.push("退休专家尚未声明自愿参加服务");
  }
  if (isStale(expert, now)) warnings.push("超过12个月未确认档案信息，默认搜索中不显示，请及时确认");
  return { matchable: reasons.length === 0, reasons, warnings };
}
