// The pure parts of scripts/load-fault.ts (`npm run load:fault`), kept apart so unit tests import them without
// running the load: who the simulated users are, which build ids the driven server actions have, and how a server
// action's answer is read from its React Server Components response.

/** The population: a tenth province staff, four tenths grassroots units, the rest experts (at least one of each). */
export function population(n: number) {
  const provinces = Math.max(1, Math.round(n * 0.1));
  const units = Math.max(1, Math.round(n * 0.4));
  return { provinces, units, experts: Math.max(1, n - provinces - units) };
}

const ACTIONS = { createNeed: "createNeedAction", invite: "inviteExpertAction", respond: "respondMatchAction", logRecord: "logRecordAction" } as const;
export type ActionKey = keyof typeof ACTIONS;

/** The build's id of each action (.next/server/server-reference-manifest.json), found by the module and export name. */
export function actionIds(manifest: { node: Record<string, { exportedName?: string; filename?: string; workers?: Record<string, unknown> }> }): Record<ActionKey, string> {
  const modules: Record<ActionKey, string> = { createNeed: "lib/needs/actions.ts", invite: "lib/matches/actions.ts", respond: "lib/matches/actions.ts", logRecord: "lib/engagements/actions.ts" };
  const out = {} as Record<ActionKey, string>;
  for (const key of Object.keys(ACTIONS) as ActionKey[]) {
    const found = Object.entries(manifest.node).find(([, v]) => v.exportedName === ACTIONS[key] && (!v.filename || v.filename.endsWith(modules[key])));
    if (!found) throw new Error(`构建中找不到服务端操作 ${ACTIONS[key]}（${modules[key]}）：请重新构建（--build）`);
    out[key] = found[0];
  }
  return out;
}

/**
 * The action's result from a React Server Components response: row 0 names it (`"a":"$@<row>"`), or holds it.
 * Undefined when the response carries none (an error page, a digest).
 */
export function actionResult(body: string): { ok: boolean; data?: Record<string, unknown>; error?: string } | undefined {
  const rows = new Map<string, string>();
  for (const line of body.split("\n")) {
    const m = line.match(/^([0-9a-f]+):(.*)$/);
    if (m && !rows.has(m[1])) rows.set(m[1], m[2]);
  }
  const parse = (text: string | undefined) => {
    if (!text || !/^[[{"]/.test(text)) return undefined;
    try { return JSON.parse(text) as unknown; } catch { return undefined; }
  };
  const head = parse(rows.get("0")) as { a?: unknown } | undefined;
  let result = head?.a;
  if (typeof result === "string" && result.startsWith("$@")) result = parse(rows.get(result.slice(2)));
  if (result && typeof result === "object" && "ok" in result) return result as { ok: boolean; data?: Record<string, unknown>; error?: string };
  return undefined;
}
