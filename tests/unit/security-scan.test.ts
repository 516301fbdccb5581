import { describe, expect, it } from "vitest";
import { consolidate, parseHtml, parseSqlmap, parseWapiti, requestFile, routePatterns } from "@/scripts/security-scan";

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
