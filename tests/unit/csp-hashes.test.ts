import { createHash } from "node:crypto";
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { contentSecurityPolicy, directiveSources, withScriptHashes } from "@/lib/security/headers";
import { withoutClientRuntime } from "@/lib/portal/plain-html";
import { chooseEncoding, etagMatches, holdDocument } from "@/lib/security/hash-csp";
import { isPrerenderedPath } from "@/lib/security/prerendered";
import { inlineScriptHashes, inlineScripts, isNextInlineScript, scriptHashSource } from "@/lib/security/script-hashes";

// Next's inline scripts as a production build writes them (the shapes the hash policy allows).
const NEXT_INIT = "(self.__next_f=self.__next_f||[]).push([0])";
const NEXT_ROW = 'self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n2:I[339756,[\\"$2\\"],\\"default\\"]\\n\\u003cb\\u003e 专家\\n"])';
const TURBOPACK = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/1jexzsn2qdw84.js"],"runtimeModuleIds":[494553]});';
const sha = (text: string) => `'sha256-${createHash("sha256").update(Buffer.from(text, "utf8")).digest("base64")}'`;

const page = (storyHtml: string) => `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"/>
<script src="/_next/static/chunks/a.js" async=""></script><script id="_R_">${TURBOPACK}</script></head>
<body><main><div class="case-story">${storyHtml}</div></main>
<script>${NEXT_INIT}</script><script>${NEXT_ROW}</script><script src="/_next/static/chunks/b.js" noModule=""></script></body></html>`;

describe("prerendered paths", () => {
  it("are the home page, the four public detail pages and the 403 page — nothing else", () => {
    for (const p of ["/", "/cases/cm1abc", "/challenges/x1", "/demonstrations/a-1", "/announcements/z", "/forbidden"]) {
      expect(isPrerenderedPath(p), p).toBe(true);
    }
    for (const p of ["/cases", "/cases/", "/cases/a/b", "/challenges", "/demonstrations", "/bases", "/services", "/verify", "/verify/ABC",
      "/login", "/console", "/expert/challenges/x1", "/editorial/cases/x", "/api/case-images/x", "/casesx/1", "//cases/x", "/forbidden/x", "/ping"]) {
      expect(isPrerenderedPath(p), p).toBe(false);
    }
  });
});

describe("the hash-based policy", () => {
  it("without a nonce allows scripts from this origin only: no nonce, no 'strict-dynamic', no inline, no eval", () => {
    const csp = contentSecurityPolicy(null, false);
    expect(directiveSources(csp, "script-src")).toEqual(["'self'"]);
    expect(csp).not.toMatch(/nonce|strict-dynamic|script-src[^;]*unsafe/);
    // Everything but script-src is the nonce policy's.
    const others = (p: string) => p.split("; ").filter((d) => !d.startsWith("script-src"));
    expect(others(csp)).toEqual(others(contentSecurityPolicy("abc", false)));
    expect(contentSecurityPolicy(null, true)).toContain("script-src 'self' 'unsafe-eval'");
  });

  it("adds hashes to script-src and changes nothing else", () => {
    const base = contentSecurityPolicy(null, false);
    const a = sha("a");
    const b = sha("b");
    const csp = withScriptHashes(base, [a, b, a]);
    expect(directiveSources(csp, "script-src")).toEqual(["'self'", a, b]);
    expect(csp.split("; ").filter((d) => !d.startsWith("script-src"))).toEqual(base.split("; ").filter((d) => !d.startsWith("script-src")));
    expect(withScriptHashes(base, [])).toBe(base);
    expect(() => withScriptHashes(base, ["'unsafe-inline'"])).toThrow(/hash source/);
    expect(() => withScriptHashes(base, ["'sha256-abc' 'unsafe-inline'"])).toThrow(/hash source/);
    expect(() => withScriptHashes(contentSecurityPolicy("n", false), [a])).toThrow(/nonce/);
    expect(() => withScriptHashes("default-src 'self'", [a])).toThrow(/script-src/);
  });

  it("hashes a script's text as the browser does: sha256 of its UTF-8 bytes, base64", () => {
    expect(scriptHashSource("")).toBe("'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    expect(scriptHashSource("专家 push")).toBe(sha("专家 push"));
  });

  it("finds every inline script exactly as written, and only inline ones", () => {
    const html = `<script src="/a.js"></script><script data-x="a>b">one()</script><SCRIPT type="module">
two()
</SCRIPT ><script data-src="x">three()</script><script async src='/b.js'></script>`;
    expect(inlineScripts(html)).toEqual(["one()", "\ntwo()\n", "three()"]);
    expect(inlineScripts(page("<p>x</p>"))).toEqual([TURBOPACK, NEXT_INIT, NEXT_ROW]);
  });

  it("allows only Next's own data pushes: an injected script gets no hash and stays blocked", () => {
    for (const ok of [NEXT_INIT, NEXT_ROW, TURBOPACK, "self.__next_f.push([2,null])", "self.__next_f.push([3,\"AAEC\"])"]) {
      expect(isNextInlineScript(ok), ok).toBe(true);
    }
    for (const bad of [
      "alert(1)",
      'self.__next_f.push([1,"x"]);alert(1)',
      'self.__next_f.push([1,"x"])//',
      "self.__next_f.push(alert(1))",
      'self.__next_f.push([1,"x"]),alert(1)',
      'self.__next_f.push([1,"x"]);self.__next_f.push([1,"y"])',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(fetch("/x"));',
      "(self.__next_f=self.__next_f||[]).push([0]);alert(1)",
      "",
    ]) {
      expect(isNextInlineScript(bad), bad).toBe(false);
    }
    const { hashes, refused } = inlineScriptHashes(page('<p>案例</p><script>alert(document.cookie)</script>'));
    expect(hashes.sort()).toEqual([sha(TURBOPACK), sha(NEXT_INIT), sha(NEXT_ROW)].sort());
    expect(refused).toEqual(["alert(document.cookie)"]);
  });

  it("picks br, else gzip, as Accept-Encoding allows; matches If-None-Match weakly", () => {
    expect(chooseEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(chooseEncoding("gzip, br;q=0")).toBe("gzip");
    expect(chooseEncoding("identity")).toBeNull();
    expect(chooseEncoding("")).toBeNull();
    expect(chooseEncoding("*")).toBe("br");
    expect(etagMatches('W/"abc", "def"', '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
  });
});

describe("the server step (lib/security/hash-csp.ts) around a handler that answers like Next", () => {
  // Long enough to be worth compressing (1 KB and up).
  const STORY = "<p>案例正文：专家团队深入一线开展现场指导。</p>".repeat(40);
  const BASE = contentSecurityPolicy(null, false);
  const NONCE = contentSecurityPolicy("bm9uY2U=", false);
  let server: Server;
  let port = 0;
  const seen: { acceptEncoding?: string; ifNoneMatch?: string; method?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      holdDocument(req, res, { plainPortal: new URL(req.url!, "http://x").searchParams.has("plain") });
      seen.push({ acceptEncoding: req.headers["accept-encoding"] as string | undefined, ifNoneMatch: req.headers["if-none-match"] as string | undefined, method: req.method });
      const url = new URL(req.url!, "http://x");
      res.setHeader("Content-Security-Policy", url.searchParams.has("nonce") ? NONCE : BASE);
      if (url.searchParams.has("json")) {
        res.setHeader("Content-Type", "application/json");
        res.end("{}");
        return;
      }
      const html = page(url.searchParams.has("inject") ? "<script>alert(1)</script>" : STORY);
      res.setHeader("Content-Type", "text/html; charset=utf-8");
      res.setHeader("ETag", '"e1"');
      // Streamed in pieces, split inside a script and inside a multi-byte character.
      const bytes = Buffer.from(html);
      const cut = [...new Set([0, 100, 400, bytes.indexOf(Buffer.from("专家")) + 1, bytes.length])].sort((a, b) => a - b);
      res.flushHeaders();
      for (let i = 0; i < cut.length - 2; i++) res.write(bytes.subarray(cut[i], cut[i + 1]));
      res.end(bytes.subarray(cut[cut.length - 2]));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on("error", reject);
      req.end();
    });

  it("adds the hashes of the page's inline scripts to its policy and sends the page whole, compressed for the client", async () => {
    const res = await get("/cases/abc", { "accept-encoding": "gzip, br" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    const html = brotliDecompressSync(res.body).toString("utf8");
    expect(html).toBe(page(STORY));
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    const sources = directiveSources(res.headers["content-security-policy"] as string, "script-src")!;
    expect(sources[0]).toBe("'self'");
    expect(sources.slice(1).sort()).toEqual(inlineScripts(html).map(sha).sort());
    expect(sources.some((s) => /nonce|strict-dynamic|unsafe/.test(s))).toBe(false);
    // Next was asked for the identity body (compressing is done here).
    expect(seen.at(-1)!.acceptEncoding).toBe("identity");
  });

  it("leaves an injected inline script out of the policy", async () => {
    const res = await get("/cases/abc?inject=1");
    const html = res.body.toString("utf8");
    expect(html).toContain("<script>alert(1)</script>");
    expect(res.headers["content-security-policy"]).not.toContain(sha("alert(1)"));
    expect(directiveSources(res.headers["content-security-policy"] as string, "script-src")).toHaveLength(4);
  });

  it("answers a matching If-None-Match with a 304 carrying the same policy", async () => {
    const full = await get("/");
    const res = await get("/", { "if-none-match": '"e1"' });
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
    expect(res.headers["content-security-policy"]).toBe(full.headers["content-security-policy"]);
    expect(seen.at(-1)!.ifNoneMatch).toBeUndefined();
  });

  it("gives a HEAD the GET's policy and no body", async () => {
    const full = await get("/announcements/a");
    const res = await get("/announcements/a", {}, "HEAD");
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(0);
    expect(res.headers["content-security-policy"]).toBe(full.headers["content-security-policy"]);
  });

  it("streams everything else untouched: other paths, a nonce policy, another content type, an RSC request", async () => {
    for (const [path, headers] of [["/console", {}], ["/cases/abc?nonce=1", {}], ["/cases/abc?json=1", {}], ["/cases/abc", { rsc: "1" }]] as const) {
      const res = await get(path, { "accept-encoding": "br", ...headers });
      expect(res.headers["content-encoding"], path).toBeUndefined();
      const csp = res.headers["content-security-policy"] as string;
      expect(csp === BASE || csp === NONCE, path).toBe(true);
      if (!path.includes("json")) expect(res.headers["transfer-encoding"], path).toBe("chunked");
    }
  });

  it("serves a portal page without Next's client runtime: no script left, none allowed (lib/portal/plain-html.ts)", async () => {
    const res = await get("/cases/abc?plain=1", { "accept-encoding": "gzip" });
    expect(res.headers["content-encoding"]).toBe("gzip");
    const html = gunzipSync(res.body).toString("utf8");
    expect(html).toBe(withoutClientRuntime(page(STORY)));
    expect(html).not.toMatch(/<script\b/);
    expect(directiveSources(res.headers["content-security-policy"] as string, "script-src")).toEqual(["'self'"]);
    // An injected script is not Next's: it stays in the page, with no hash to run by.
    const injected = await get("/cases/abc?plain=1&inject=1");
    expect(injected.body.toString("utf8")).toContain("<script>alert(1)</script>");
    expect(directiveSources(injected.headers["content-security-policy"] as string, "script-src")).toEqual(["'self'"]);
  });

  it("holds a portal page rendered per request too, its nonce policy unchanged; leaves other pages streaming", async () => {
    const res = await get("/cases?plain=1&nonce=1");
    expect(res.headers["transfer-encoding"]).toBeUndefined();
    expect(res.body.toString("utf8")).toBe(withoutClientRuntime(page(STORY)));
    expect(res.headers["content-security-policy"]).toBe(NONCE);
    for (const path of ["/register?plain=1&nonce=1", "/expert?plain=1&nonce=1"]) {
      const other = await get(path);
      expect(other.headers["transfer-encoding"], path).toBe("chunked");
      expect(other.body.toString("utf8"), path).toBe(page(STORY));
    }
    // Without the option (development), the portal keeps the runtime.
    expect((await get("/cases/abc")).body.toString("utf8")).toBe(page(STORY));
  });
});
