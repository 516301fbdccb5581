import { timingSafeEqual } from "node:crypto";
import { checkHealth } from "@/lib/system/health";

/**
 * The public (a load balancer) learns only up or down. The details — database, migrations — go to an operator who
 * presents HEALTH_TOKEN as a bearer token (none when HEALTH_TOKEN is unset).
 */
export async function GET(req: Request) {
  const health = await checkHealth();
  const status = health.status === "ok" ? 200 : 503;
  const headers = { "Cache-Control": "no-store" };
  if (operator(req.headers.get("authorization"))) return Response.json(health, { status, headers });
  return Response.json({ status: status === 200 ? "up" : "down" }, { status, headers });
}

function operator(authorization: string | null): boolean {
  const token = process.env.HEALTH_TOKEN;
  if (!token || !authorization?.startsWith("Bearer ")) return false;
  const given = Buffer.from(authorization.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
