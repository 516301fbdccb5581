"use server";
import { getSessionUser } from "@/lib/auth/session";
import { assignableExperts, type AssignableExpert } from "@/lib/matches/queries";

/**
 * The manual-assignment search on a need's page (a read, not a change: nothing is audited). Answers only a user
 * holding match.invite over the need's province, within the expert list's own scope; names and posts only.
 */
export async function findAssignableExpertsAction(needId: string, q: string): Promise<AssignableExpert[]> {
  const user = await getSessionUser();
  if (!user || typeof needId !== "string" || typeof q !== "string") return [];
  return assignableExperts(user, needId.slice(0, 40), q);
}
