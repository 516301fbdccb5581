import { timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { runSweeps } from "@/lib/system/sweep";

// On-demand sweep (invitation deadlines, stale match terms: lib/system/sweep), for an external scheduler. Off unless CRON_SECRET is set.

const json = (body: unknown, status = 200) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

function authorized(req: Request, secret: string): boolean {
  const given = Buffer.from(req.headers.get("authorization") ?? "");
  const expected = Buffer.from(`Bearer ${secret}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function POST(req: Request) {
  const secret = env().CRON_SECRET;
  if (!secret) return json({ error: "未启用（未设置 CRON_SECRET）" }, 404);
  if (!authorized(req, secret)) return json({ error: "未授权" }, 401);
  return json(await runSweeps());
}
