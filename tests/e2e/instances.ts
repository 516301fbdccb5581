// The end-to-end tier serves one production build twice over one database: instance A on E2E_PORT (every spec's
// baseURL) and instance B on E2E_PORT_B (default E2E_PORT + 1), which only tests/e2e/two-instances.spec.ts uses.
// Instance C on E2E_PORT_C (default E2E_PORT + 2) serves from two worker processes (WEB_CONCURRENCY=2, as `npm start`
// does on PostgreSQL), for tests/e2e/portal-cache-instances.spec.ts.
// B and C are not started when E2E_TWO_INSTANCES=0 (scripts/test.ts sets it on the embedded database, whose one shared
// session two servers must not interleave on) nor when the specs named on the command line leave theirs out.
export const PORT_A = process.env.E2E_PORT ?? "3210";
export const PORT_B = process.env.E2E_PORT_B ?? String(Number(PORT_A) + 1);
export const PORT_C = process.env.E2E_PORT_C ?? String(Number(PORT_A) + 2);
export const URL_A = `http://localhost:${PORT_A}`;
export const URL_B = `http://localhost:${PORT_B}`;
export const URL_C = `http://localhost:${PORT_C}`;
export const TWO_INSTANCES_SPEC = "two-instances.spec.ts";

/** Whether this run needs instance B: enabled, and the two-instance spec among those named (none named: all run). */
export function secondInstanceWanted(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  return instanceWanted("two-instances", argv, env);
}

/** Whether this run needs instance C (two workers): as for B, with the portal cache's spec. */
export function workersInstanceWanted(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  return instanceWanted("portal-cache-instances", argv, env);
}

function instanceWanted(spec: string, argv: string[], env: NodeJS.ProcessEnv): boolean {
  if (env.E2E_TWO_INSTANCES === "0") return false;
  const named = argv.filter((a) => /\.spec\.ts$/.test(a));
  return named.length === 0 || named.some((a) => a.includes(spec));
}
