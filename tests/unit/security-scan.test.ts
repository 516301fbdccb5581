import { describe, expect, it } from "vitest";
import { z } from "zod";
import { consolidate, parseHtml, parseSqlmap, parseWapiti, requestFile, routePatterns } from "@/scripts/security-scan";
import {
  actionSources, argumentsBody, formParts, idModels, idsIn, isIdField, parseActionModule, resolveActions, sampleValue, schemaShape, SCAN_PDF, topLevel, workerPattern,
} from "@/scripts/security-scan-actions";

type Target = Parameters<typeof requestFile>[0];
const target = (over: Partial<Target>): Target => ({
  id: "t1", role: "unit", kind: "query", pattern: "/needs", label: "/needs", method: "GET", pathname: "/needs", query: [], ...over,
});

describe("the security scan's reading of the app", () => {
  it("finds links, GET filter forms and server-action forms, and tells script-only forms apart", () => {
    const html = `<a href="/needs/abc">x</a><a href="/needs?page=2&amp;state=ALL">y</a>
      <form method="get" action="/needs" role="search"><input name="q" value=""/><select name="state"><option value="">全部</option><option value="SUBMITTED" selected="">待审核</option></select><button type="submit">查询</button></form>
      <form action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_ID_7f12ab"/><input type="hidden" name="id" value="n1"/></form>
      <form class="space-y-4"><input name="title"/><textarea name="summary">原文 &amp; 更多</textarea></form>`;
    const { links, forms } = parseHtml(html);
    expect(links).toEqual(["/needs/abc", "/needs?page=2&state=ALL"]);
    expect(forms.map((f) => f.method)).toEqual(["get", "post", ""]);
    expect(forms[0].fields).toEqual([{ name: "q", value: "", type: "text" }, { name: "state", value: "SUBMITTED", type: "select" }]);
    expect(forms[1].fields.map((f) => f.name)).toEqual(["$ACTION_ID_7f12ab", "id"]);
    expect(forms[2].fields[1]).toEqual({ name: "summary", value: "原文 & 更多", type: "textarea" });
  });

  it("maps app/ to route patterns, static segments before dynamic ones", () => {
    const patterns = routePatterns();
    const match = (p: string) => patterns.find((r) => r.regex.test(p))?.pattern;
    expect(match("/needs/new")).toBe("/needs/new");
    expect(match("/needs/c123")).toBe("/needs/[id]");
    expect(match("/api/export/needs")).toBe("/api/export/needs");
    expect(patterns.find((p) => p.pattern === "/api/imports")?.methods).toEqual(["POST"]);
  });

  it("writes sqlmap's request with a mark after each injection point only", () => {
    const get = requestFile(target({ query: [{ name: "q", value: "水稻 病", marked: true }, { name: "page", value: "2", marked: false }] }), "s=1");
    expect(get.split("\r\n")[0]).toBe("GET /needs?q=%E6%B0%B4%E7%A8%BB%20%E7%97%85*&page=2 HTTP/1.1");
    expect(get).toContain("Cookie: s=1\r\n");
    const post = requestFile(target({
      kind: "js-action", method: "POST", headers: { "Next-Action": "7f00" },
      body: { type: "multipart", parts: [{ name: "0", value: '[null,"$K1"]', marked: false }, { name: "_1_title", value: "测试", marked: true }] },
    }), "");
    expect(post).toContain('name="0"\r\n\r\n[null,"$K1"]\r\n');
    expect(post).toContain('name="_1_title"\r\n\r\n测试*\r\n');
    expect(post).toContain("Next-Action: 7f00\r\n");
    expect(post).not.toContain("Cookie:");
  });

  it("merges a role's targets per route and marks each parameter of a route once over all roles", () => {
    const q = (role: string, names: string[]) => target({ role, query: names.map((name) => ({ name, value: "1", marked: true })) });
    const out = consolidate([q("unit", ["q"]), q("unit", ["state"]), q("sichuan", ["q", "region"]), q("ministry", ["q"])]);
    expect(out.map((t) => [t.role, t.query.filter((p) => p.marked).map((p) => p.name)])).toEqual([["unit", ["q", "state"]], ["sichuan", ["region"]]]);
  });
});

describe("the security scan's reading of the tools' results", () => {
  it("counts tested and injectable parameters from sqlmap's output, and keeps heuristic hints apart", () => {
    const clean = parseSqlmap(`[10:00:01] [INFO] testing for SQL injection on GET parameter 'q'
[10:00:02] [WARNING] GET parameter 'q' does not seem to be injectable
[10:00:03] [WARNING] heuristic (basic) test shows that GET parameter 'state' might be injectable (possible DBMS: 'PostgreSQL')
[10:00:03] [INFO] testing for SQL injection on GET parameter 'state'
[10:00:09] [CRITICAL] all tested parameters do not appear to be injectable.`);
    expect(clean.tested).toEqual(["GET q", "GET state"]);
    expect(clean.injectable).toEqual([]);
    expect(clean.heuristics).toHaveLength(1);
    const found = parseSqlmap(`[10:00:01] [INFO] testing for SQL injection on (custom) POST parameter 'MULTIPART title'
[10:00:05] [INFO] (custom) POST parameter 'MULTIPART title' appears to be 'AND boolean-based blind - WHERE or HAVING clause' injectable
(custom) POST parameter 'MULTIPART title' is vulnerable. Do you want to keep testing the others (if any)? [y/N] N
sqlmap identified the following injection point(s) with a total of 40 HTTP(s) requests:`);
    expect(found.injectable).toEqual(["(custom) POST MULTIPART title"]);
    expect(found.rejected).toEqual([]);
    // A first boolean-based hit that sqlmap's own checks then reject (pages whose content varies) is no finding.
    const rejected = parseSqlmap(`[14:35:44] [INFO] testing for SQL injection on URI parameter '#1*'
[14:35:45] [INFO] URI parameter '#1*' appears to be 'AND boolean-based blind - WHERE or HAVING clause' injectable 
[14:35:52] [WARNING] URI parameter '#1*' does not seem to be injectable
[14:36:15] [CRITICAL] all tested parameters do not appear to be injectable.`);
    expect(rejected.injectable).toEqual([]);
    expect(rejected.rejected).toEqual(["URI #1*"]);
  });

  it("reads wapiti's JSON report: vulnerabilities and anomalies with their levels", () => {
    const findings = parseWapiti({
      vulnerabilities: { "SQL Injection": [], "Content Security Policy Configuration": [{ level: 1, info: "CSP", path: "/", parameter: "" }] },
      anomalies: { "Internal Server Error": [{ level: 3, info: "500", path: "/needs", parameter: "q" }] },
    });
    expect(findings.map((f) => [f.kind, f.level])).toEqual([["vulnerability", 1], ["anomaly", 3]]);
  });
});

describe("the security scan's synthesised server-action requests", () => {
  it("reads a \"use server\" module: defineAction exports, their operation objects, wrappers and argument calls", () => {
    const source = `"use server";
import { defineAction, type ActionResult } from "@/lib/actions/pipeline";
import {
  saveOp, fileOps as files,
  kindOp,
} from "@/lib/x/operations";
const everywhere = { revalidate: { path: "/" } };
export const saveAction = defineAction(saveOp, everywhere);
export const uploadAction = expiringPortal(defineAction(files.upload, everywhere), ["t"]);
const commitA = defineAction(kindOp("A"), everywhere);
export async function commitAction(prev: ActionResult<null> | null, raw: FormData) {
  return commitA(prev, raw);
}
export async function lookupAction(needId: string, q: string): Promise<string[]> {
  return [];
}`;
    const out = parseActionModule("lib/x/actions.ts", source);
    expect(out.map((a) => [a.name, a.call, a.op?.path.join("."), a.op?.args])).toEqual([
      ["saveAction", "form", "saveOp", []],
      ["uploadAction", "form", "fileOps.upload", []],
      ["commitAction", "form", "kindOp", ["A"]],
      ["lookupAction", "args", undefined, undefined],
    ]);
    expect(out[0].op?.module).toBe("@/lib/x/operations");
    expect(out[3].params).toEqual(["needId", "q"]);
    expect(topLevel("prev: ActionResult<{ a: number; b: string }> | null, raw: FormData | Record<string, unknown>, f: (x: number) => void")).toHaveLength(3);
  });

  it("lists a schema's fields through preprocess, refinements and unions, and picks a value each accepts", () => {
    const list = (v: unknown) => (v === undefined || v === "" ? [] : Array.isArray(v) ? v : [v]);
    const schema = z.preprocess((v) => v, z.object({
      needId: z.string().min(1),
      version: z.coerce.number().int().min(0),
      decision: z.enum(["approve", "reject"]),
      reason: z.string().trim().min(5).max(500),
      forms: z.preprocess(list, z.array(z.enum(["ONSITE", "REMOTE"])).min(1)),
      startDate: z.iso.date(),
      file: z.instanceof(File).refine((f) => f.size > 0),
    }).superRefine(() => {}));
    const shape = schemaShape(schema)!;
    expect(Object.keys(shape)).toEqual(["needId", "version", "decision", "reason", "forms", "startDate", "file"]);
    expect(sampleValue("decision", shape.decision)).toEqual({ value: "approve" });
    expect(sampleValue("forms", shape.forms)).toEqual({ value: ["ONSITE", "REMOTE"] });
    expect(sampleValue("startDate", shape.startDate)).toEqual({ value: "2026-06-01" });
    expect(sampleValue("version", shape.version)).toEqual({ value: "1" });
    expect(sampleValue("file", shape.file)).toEqual({ value: SCAN_PDF, file: true });
    expect(shape.reason.safeParse(sampleValue("reason", shape.reason)!.value).success).toBe(true);
    const union = z.discriminatedUnion("kind", [z.object({ kind: z.literal("a"), x: z.string() }), z.object({ kind: z.literal("b"), y: z.string() })]);
    expect(Object.keys(schemaShape(union)!)).toEqual(["kind", "x", "y"]);
    expect(isIdField("needIds") && isIdField("id") && !isIdField("idea")).toBe(true);
  });

  it("maps id fields to models and manifest workers to routes", () => {
    const models = ["Need", "ServiceRecord", "ExpertProfile", "ChallengeMilestone", "ServiceMenuItem"];
    expect(idModels("needIds", "lib/needs/operations.ts", models)).toEqual(["Need"]);
    expect(idModels("milestoneId", "lib/challenges/operations.ts", models)).toEqual(["ChallengeMilestone"]);
    expect(idModels("expertId", "lib/experts/actions.ts", models)).toEqual(["ExpertProfile"]);
    expect(idModels("id", "lib/menu/actions.ts", models)).toEqual(["ServiceMenuItem"]);
    expect(workerPattern("app/(console)/unit/needs/[id]/page")).toBe("/unit/needs/[id]");
    expect(workerPattern("app/(auth)/login/page")).toBe("/login");
    expect(workerPattern("app/(public)/page")).toBe("/");
    expect(idsIn('x "ckv1abcdefghijklmnopqrstu" c12 ckv1abcdefghijklmnopqrstu')).toEqual(["ckv1abcdefghijklmnopqrstu"]);
  });

  it("encodes the request as Next's client does: a form's reply fields, or JSON arguments, each value marked", () => {
    const parts = formParts({ needId: { value: "n1" }, forms: { value: ["ONSITE", "REMOTE"] }, file: { value: SCAN_PDF, file: true } });
    expect(parts.map((p) => [p.name, p.file ? p.value.slice(0, 8) : p.value, p.marked])).toEqual([
      ["_1_needId", "n1", true], ["_1_forms", "ONSITE", true], ["_1_forms", "REMOTE", false], ["_1_file", "%PDF-1.4", false], ["0", '[null,"$K1"]', false],
    ]);
    const post = requestFile(target({ kind: "synth-action", method: "POST", headers: { "Next-Action": "40ab", Accept: "text/x-component" }, body: { type: "multipart", parts } }), "s=1");
    expect(post).toContain('name="_1_needId"\r\n\r\nn1*\r\n');
    expect(post).toContain('name="_1_file"; filename="scan.pdf"\r\nContent-Type: application/pdf');
    expect(post).toContain("Accept: text/x-component\r\n");
    expect(post).not.toContain("Accept: */*");
    const obj = [{ name: "expertId", value: "e1", raw: "e1", marked: true }, { name: "weight", value: "5", raw: 5, marked: true }, { name: "ids", value: "a", raw: ["a", "b"], marked: true }];
    expect(argumentsBody(obj, false)).toBe('[null,{"expertId":"e1*","weight":5*,"ids":["a*","b"]}]');
    expect(argumentsBody([{ name: "needId", value: "$x", marked: true }, { name: "q", value: "水", marked: false }], true)).toBe('["$$x*","水"]');
    const json = requestFile(target({ kind: "synth-action", method: "POST", body: { type: "json", positional: true, parts: [{ name: "username", value: "u", marked: true }] } }), "");
    expect(json).toContain("Content-Type: text/plain;charset=UTF-8\r\n\r\n[\"u*\"]");
  });

  it("finds every server action of the source tree and reads the fields of each form action's schema", async () => {
    const actions = await resolveActions(actionSources());
    expect(actions.length).toBeGreaterThan(140);
    expect(actions.filter((a) => a.problem).map((a) => `${a.file}#${a.name}: ${a.problem}`)).toEqual([]);
    const plan = actions.find((a) => a.name === "savePlanAction")!;
    expect(plan.operation).toBe("engagement.plan");
    expect(Object.keys(plan.fields!)).toContain("engagementId");
    expect(actions.find((a) => a.name === "commitImportAction")?.operation).toBe("expert.import");
    expect(actions.find((a) => a.name === "findAssignableExpertsAction")).toMatchObject({ call: "args", params: ["needId", "q"] });
  }, 60_000);
});
