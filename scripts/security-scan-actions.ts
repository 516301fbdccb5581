// The security scan's server actions (scripts/security-scan.ts): which action each "use server" export is, the zod
// schema and permission behind it, and the request Next's client would send to it, so that sqlmap reaches the actions
// no crawled form posts (forms behind a confirmation step, file uploads, actions called with arguments).
//
// Each export of a "use server" module is read statically: `defineAction(xOp)` (or `defineAction(ops.upload)`,
// `defineAction(factoryOp("KIND"))`) names the operation object, imported from its module; the scan imports that
// module and reads `op.operation` (the permission) and `op.schema` (the fields). Exports that are plain functions are
// either `(prev, formData)` wrappers of a local `defineAction` (the import actions) or called with arguments
// (`loginChallengeAction(username)`, `findAssignableExpertsAction(needId, q)`).
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export type ActionSource = {
  /** The module, relative to the project (as the build's server-reference manifest names it). */
  file: string;
  name: string;
  /** "form": `(prevState, formData)` (the app's `useFormAction`); "args": called with the listed arguments. */
  call: "form" | "args";
  params: string[];
  /** The operation object: its module, the path to it among the module's exports, a factory's literal arguments. */
  op?: { module: string; path: string[]; args: string[] };
  /** A form action whose schema is not an operation's: the module and export of the schema itself. */
  schema?: { module: string; export: string; operation: string | null };
};

/** Form actions that parse their input themselves (not through an operation object): where their schema is. */
const SCHEMA_OF: Record<string, { module: string; export: string; operation: string | null }> = {
  "lib/experts/actions.ts#registerExpertAction": { module: "@/lib/experts/schemas", export: "registerSchema", operation: null },
};

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

/** `import { a, b as c } from "m"` → local name → module and imported name. */
export function importsOf(source: string): Map<string, { module: string; imported: string }> {
  const out = new Map<string, { module: string; imported: string }>();
  for (const m of source.matchAll(/import\s+(?:type\s+)?\{([\s\S]*?)\}\s*from\s*["']([^"']+)["']/g)) {
    for (const spec of m[1].split(",").map((s) => s.trim().replace(/^type\s+/, "")).filter(Boolean)) {
      const [imported, local] = spec.split(/\s+as\s+/);
      out.set((local ?? imported).trim(), { module: m[2], imported: imported.trim() });
    }
  }
  return out;
}

/** A parameter list split at its top-level commas (not those inside `Record<string, unknown>` or `{ a: 1, b: 2 }`). */
export function topLevel(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of list) {
    if ("<{[(".includes(ch)) depth++;
    else if (">}])".includes(ch) && !(ch === ">" && current.endsWith("="))) depth--;
    if (ch === "," && depth === 0) { out.push(current); current = ""; } else current += ch;
  }
  return [...out, current].filter((x) => x.trim());
}

/** The server actions of one "use server" module, read from its source. */
export function parseActionModule(file: string, source: string): ActionSource[] {
  const imports = importsOf(source);
  const literalArgs = (s: string | undefined) => [...(s ?? "").matchAll(/["']([^"']*)["']/g)].map((m) => m[1]);
  const opOf = (ref: string, args: string | undefined): ActionSource["op"] => {
    const [head, ...rest] = ref.split(".");
    const imp = imports.get(head);
    return imp ? { module: imp.module, path: [imp.imported, ...rest], args: literalArgs(args) } : undefined;
  };
  // Every `const x = …defineAction(ref(args)?…` of the module, exported or not.
  const defined = new Map<string, { exported: boolean; op: ActionSource["op"] }>();
  for (const m of source.matchAll(/^(export\s+)?const\s+(\w+)\s*=\s*[^\n]*?defineAction\(\s*([\w.]+)\s*(?:\(([^)]*)\))?/gm)) {
    defined.set(m[2], { exported: !!m[1], op: opOf(m[3], m[4]) });
  }
  const out: ActionSource[] = [];
  for (const [name, d] of defined) if (d.exported) out.push({ file, name, call: "form", params: ["prevState", "formData"], op: d.op });
  const fns = [...source.matchAll(/^export\s+async\s+function\s+(\w+)\s*\(([^)]*)\)/gm)];
  fns.forEach((m, i) => {
    const name = m[1];
    const params = topLevel(m[2]).map((p) => p.trim().split(/[\s:?=]/)[0]).filter(Boolean);
    const body = source.slice(m.index! + m[0].length, fns[i + 1]?.index ?? source.length);
    const inner = [...defined.keys()].find((k) => new RegExp(`\\b${k}\\b`).test(body));
    const own = SCHEMA_OF[`${file}#${name}`];
    if (params.length === 2 && /^_?prev/.test(params[0])) {
      out.push({ file, name, call: "form", params, ...(inner ? { op: defined.get(inner)!.op } : {}), ...(own ? { schema: own } : {}) });
    } else {
      out.push({ file, name, call: "args", params });
    }
  });
  return out;
}

/** Every server action of the source tree (modules starting with "use server"). */
export function actionSources(dirs = ["lib", "app"]): ActionSource[] {
  return dirs.flatMap((d) => walk(d)).filter((f) => /\.tsx?$/.test(f) && !f.includes("generated")).flatMap((file) => {
    const source = readFileSync(file, "utf8");
    if (!/^\s*["']use server["']/m.test(source.slice(0, 400))) return [];
    return parseActionModule(file.split(path.sep).join("/"), source);
  });
}

// ---------------------------------------------------------------------------------------------------------------
// zod (v4) schemas: the fields an action reads and a value each accepts.

type Schema = { safeParse: (v: unknown) => { success: boolean }; _zod?: { def: Record<string, unknown> & { type: string } } };
const defOf = (s: unknown) => (s as Schema | undefined)?._zod?.def;
const WRAPPERS = ["optional", "nullable", "default", "prefault", "catch", "readonly", "nonoptional", "success"];

/** The object fields of a schema (through preprocess/transform pipes, wrappers, unions and intersections). */
export function schemaShape(schema: unknown): Record<string, Schema> | null {
  const d = defOf(schema);
  if (!d) return null;
  if (d.type === "object") return d.shape as Record<string, Schema>;
  if (d.type === "pipe") return schemaShape(d.in) ?? schemaShape(d.out);
  if (WRAPPERS.includes(d.type)) return schemaShape(d.innerType);
  if (d.type === "lazy") return schemaShape((d.getter as () => unknown)());
  if (d.type === "union" || d.type === "intersection") {
    const parts = (d.type === "union" ? (d.options as unknown[]) : [d.left, d.right]).map(schemaShape).filter((x): x is Record<string, Schema> => !!x);
    return parts.length ? Object.assign({}, ...parts) : null;
  }
  return null;
}

/** The literal values a field names (enum entries, literals), and whether it is a list. */
export function leafHints(schema: unknown, depth = 0): { options: string[]; array: boolean } {
  const d = defOf(schema);
  const out = { options: [] as string[], array: false };
  if (!d || depth > 12) return out;
  const add = (h: { options: string[]; array: boolean }) => { out.options.push(...h.options); out.array ||= h.array; };
  if (d.type === "enum") out.options.push(...Object.values(d.entries as Record<string, string | number>).map(String));
  else if (d.type === "literal") out.options.push(...(d.values as unknown[]).filter((v) => typeof v === "string" || typeof v === "number").map(String));
  else if (d.type === "array") { out.array = true; add(leafHints(d.element, depth + 1)); }
  else if (d.type === "pipe") { add(leafHints(d.in, depth + 1)); add(leafHints(d.out, depth + 1)); }
  else if (WRAPPERS.includes(d.type)) add(leafHints(d.innerType, depth + 1));
  else if (d.type === "union") for (const o of d.options as unknown[]) add(leafHints(o, depth + 1));
  return { options: [...new Set(out.options)], array: out.array };
}

export const isIdField = (name: string) => /^id$|Ids?$/.test(name);

/** A small, valid PDF (text only, so sqlmap's request file keeps it intact). */
export const SCAN_PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

const TEXT = "安全扫描测试内容，检查注入防护。";
function candidates(name: string, options: string[]): unknown[] {
  const byName: string[] = [];
  if (/date|Date|^from$|^to$|At$|deadline/i.test(name)) byName.push("2026-06-01");
  if (/month/i.test(name)) byName.push("2026-06");
  if (/year/i.test(name)) byName.push("2026");
  if (/phone|mobile|tel/i.test(name)) byName.push("13800000000");
  if (/email/i.test(name)) byName.push("scan@example.com");
  if (/password/i.test(name)) byName.push("Scan@2026-xyz!");
  if (/url|link|website/i.test(name)) byName.push("https://example.com/scan");
  if (/code$|Code$/.test(name)) byName.push("510000", "51", "123456");
  return [
    ...options, ...byName, TEXT, "1", "2026-06-01", "2026-06", "2026", "13800000000", "scan@example.com", "510000", "51",
    "on", "true", "Scan@2026-xyz!", "https://example.com/scan", "0", "5", TEXT.repeat(4), "FW-2026-7K3MA-9QXPD",
    1, 0, 5, 2026, true, false,
  ];
}

const scanFile = () => new File([SCAN_PDF], "scan.pdf", { type: "application/pdf" });

/** Whether a schema accepts a value (a preprocess step that throws on it counts as no). */
export function accepts(schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown): boolean {
  try {
    return schema.safeParse(value).success;
  } catch {
    return false;
  }
}

/** One field's value: the first candidate its schema accepts (a list of two for list fields); null when none. */
export function sampleValue(name: string, leaf: Schema): { value: unknown; file?: boolean } | null {
  const { options, array } = leafHints(leaf);
  const all = candidates(name, options);
  if (array) {
    const ok = all.filter((c) => accepts(leaf, [c]));
    for (const pair of [[ok[0], ok[1]], [ok[0], ok[0]], [ok[0]]]) if (pair[0] !== undefined && pair.every((x) => x !== undefined) && accepts(leaf, pair)) return { value: pair };
  }
  for (const c of all) if (accepts(leaf, c)) return { value: c };
  if (accepts(leaf, scanFile())) return { value: SCAN_PDF, file: true };
  if (accepts(leaf, undefined)) return { value: "" };
  return null;
}

/** The Prisma models an id field refers to, most likely first. */
export function idModels(field: string, file: string, models: string[]): string[] {
  if (field === "id") {
    const byModule: Record<string, string[]> = { menu: ["ServiceMenuItem"], "match-settings": ["MatchWeightFit"], calendar: ["CalendarDay"] };
    return byModule[file.split("/")[1]] ?? models;
  }
  const stem = field.replace(/Ids?$/, "");
  const named: Record<string, string[]> = {
    expert: ["ExpertProfile"], organization: ["Organization"], channelOrg: ["Organization"], departmentOrg: ["Organization"], unit: ["Organization"],
    grant: ["RoleAssignment"], reviewer: ["User", "ExpertProfile"], owner: ["User"], user: ["User"], source: ["Engagement", "DemonstrationActivity"],
    member: ["ActivityTeamMember", "LibraryNomination", "ChallengeBidMember"], nomination: ["LibraryNomination", "Commendation"], plan: ["AnnualPlan"],
    case: ["TypicalCase"], base: ["ServiceBase"], activity: ["DemonstrationActivity"], record: ["ServiceRecord"],
    report: ["BaseAnnualReport", "ActivityProgressReport"], evaluation: ["BaseEvaluation", "ActivityEvaluation"], review: ["ActivityReview"],
  };
  if (named[stem]) return named[stem];
  const lower = stem.toLowerCase();
  return models.filter((m) => m.toLowerCase() === lower).concat(models.filter((m) => m.toLowerCase() !== lower && m.toLowerCase().endsWith(lower)));
}

/** The models of prisma/schema.prisma with a text id (the ones an id field can name), and those with a version. */
export function prismaModels(schemaFile = "prisma/schema.prisma"): { models: string[]; versioned: Set<string> } {
  const source = readFileSync(schemaFile, "utf8");
  const models: string[] = [];
  const versioned = new Set<string>();
  for (const m of source.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    if (/^\s+id\s+String\s+@id/m.test(m[2])) models.push(m[1]);
    if (/^\s+version\s+Int\b/m.test(m[2])) versioned.add(m[1]);
  }
  return { models, versioned };
}

// ---------------------------------------------------------------------------------------------------------------
// The operation objects, imported.

export type ResolvedAction = ActionSource & { operation: string | null; zodSchema?: unknown; fields?: Record<string, Schema>; problem?: string };

/** An absolute path (Node's ESM loader, tsx and vitest all take one on POSIX; "@/" is the project root). */
const moduleUrl = (spec: string) => path.resolve(spec.replace(/^@\//, "")) + (/\.[tj]sx?$/.test(spec) ? "" : ".ts");

/** Each action with its operation name and zod fields (`problem` says why not, when they cannot be read). */
export async function resolveActions(sources: ActionSource[]): Promise<ResolvedAction[]> {
  const cache = new Map<string, Promise<Record<string, unknown>>>();
  const load = (spec: string) => {
    if (!cache.has(spec)) cache.set(spec, import(moduleUrl(spec)) as Promise<Record<string, unknown>>);
    return cache.get(spec)!;
  };
  return Promise.all(sources.map(async (s): Promise<ResolvedAction> => {
    if (s.call === "args") return { ...s, operation: null };
    try {
      let op: { operation?: string; schema?: unknown } | undefined;
      if (s.op) {
        let v: unknown = await load(s.op.module);
        for (const key of s.op.path) v = (v as Record<string, unknown> | undefined)?.[key];
        if (typeof v === "function" && s.op.args.length) v = (v as (...a: string[]) => unknown)(...s.op.args);
        op = v as typeof op;
      } else if (s.schema) {
        op = { operation: s.schema.operation ?? undefined, schema: (await load(s.schema.module))[s.schema.export] };
      }
      const fields = op?.schema ? schemaShape(op.schema) : null;
      if (!op?.schema) return { ...s, operation: null, problem: "找不到其 zod 模式（既非 defineAction 的操作对象，也未登记）" };
      if (!fields) return { ...s, operation: op.operation ?? null, zodSchema: op.schema, problem: "zod 模式不是对象，读不出字段" };
      return { ...s, operation: op.operation ?? null, zodSchema: op.schema, fields };
    } catch (err) {
      return { ...s, operation: null, problem: `导入失败：${err instanceof Error ? err.message.split("\n")[0] : String(err)}` };
    }
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// The request.

/** One value of the request: a multipart field (`_1_<name>`) or an argument; `marked` ones are injection points. */
export type SynthPart = { name: string; value: string; marked: boolean; file?: boolean; raw?: unknown };

/**
 * The body Next's client sends for `action(prevState, formData)`: React's reply encoding — the FormData's entries as
 * `_1_<name>` (a list as repeated entries), then field `0`, the argument list `[null,"$K1"]`. The root goes last, as
 * React writes it: the server resolves `$K1` as soon as it reads `0`, from the entries it has read by then.
 */
export function formParts(values: Record<string, { value: unknown; file?: boolean }>): SynthPart[] {
  const parts: SynthPart[] = [];
  for (const [name, v] of Object.entries(values)) {
    const list = Array.isArray(v.value) ? v.value : [v.value];
    list.forEach((x, i) => parts.push({ name: `_1_${name}`, value: String(x), file: v.file, marked: !v.file && i === 0 }));
  }
  return [...parts, { name: "0", value: '[null,"$K1"]', marked: false }];
}

/** A string as React's reply encoding writes it (a leading `$` is escaped). */
const replyString = (s: string) => (s.startsWith("$") ? "$" + s : s);

/**
 * The text body of a call with arguments (React's reply encoding without files is JSON): `[null,{…}]` for an
 * operation called with an object, `[a,b]` for plain arguments. Each marked value gets sqlmap's `*` at its end.
 */
export function argumentsBody(parts: SynthPart[], positional: boolean): string {
  const enc = (p: SynthPart): string => {
    const v = p.raw ?? p.value;
    const mark = (json: string) => (!p.marked ? json : json.startsWith('"') ? `${json.slice(0, -1)}*"` : `${json}*`);
    if (Array.isArray(v)) return `[${v.map((x, i) => (i === 0 ? mark(JSON.stringify(typeof x === "string" ? replyString(x) : x)) : JSON.stringify(x))).join(",")}]`;
    return mark(JSON.stringify(typeof v === "string" ? replyString(v) : v));
  };
  if (positional) return `[${parts.map(enc).join(",")}]`;
  return `[null,{${parts.map((p) => `${JSON.stringify(p.name)}:${enc(p)}`).join(",")}}]`;
}

/** The page route pattern of a manifest worker ("app/(console)/needs/[id]/page" → "/needs/[id]"). */
export function workerPattern(worker: string): string | null {
  const m = worker.match(/^app\/(.*?)\/?page$/);
  if (!m) return null;
  const segs = m[1].split("/").filter((s) => s && !/^\(.*\)$/.test(s));
  return "/" + segs.join("/");
}

/** cuid-shaped ids in a page (its HTML and the React payload inside it). */
export const idsIn = (html: string) => [...new Set(html.match(/\bc[a-z0-9]{24}\b/g) ?? [])];
