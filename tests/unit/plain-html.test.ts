import { describe, expect, it } from "vitest";
import { isPlainHtmlPath, withoutClientRuntime } from "@/lib/portal/plain-html";

// Next's client runtime in a page, as a production build writes it (lib/security/script-hashes.ts has the shapes).
const TURBOPACK = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/1j.js"],"runtimeModuleIds":[494553]});';
const HEAD = `<head><meta charset="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/1j.js"/><link rel="modulepreload" href="/m.js"/>
<link rel="preload" as="font" href="/f.woff2" crossorigin=""/><script src="/_next/static/chunks/a.js" async="" nonce="bm9uY2U="></script>
<title>专家人才服务基层平台</title><script src="/_next/static/chunks/p.js" noModule=""></script></head>`;
const BODY = `<body><main><h1>典型案例</h1><a href="/cases/x">案例</a><form method="get" action="/cases"><input name="q"/></form></main>
<script id="_R_">${TURBOPACK}</script><script src="/_next/static/chunks/1j.js" async=""></script>
<script>(self.__next_f=self.__next_f||[]).push([0])</script><script nonce="bm9uY2U=">self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n"])</script></body>`;

describe("the portal's plain-HTML pages", () => {
  it("are the portal's reading pages: home, lists, detail pages and certificate verification", () => {
    for (const p of ["/", "/cases", "/cases/cm1", "/bases", "/demonstrations", "/demonstrations/a", "/challenges", "/challenges/c",
      "/announcements/n", "/services", "/verify", "/verify/ABC123"]) {
      expect(isPlainHtmlPath(p), p).toBe(true);
    }
    // The registration form is interactive; sign-in and the signed-in areas run the app.
    for (const p of ["/register", "/login", "/expert", "/expert/challenges/c", "/editorial/cases/x", "/cases/a/b", "/cases/",
      "/announcements", "/bases/b", "/forbidden", "/api/case-images/x", "/casesx", "//cases/x"]) {
      expect(isPlainHtmlPath(p), p).toBe(false);
    }
  });

  it("lose Next's client runtime and keep everything else", () => {
    const out = withoutClientRuntime(`<!DOCTYPE html><html lang="zh-CN">${HEAD}${BODY}</html>`);
    expect(out).not.toMatch(/<script\b/);
    expect(out).not.toMatch(/modulepreload|as="script"|__next_f|TURBOPACK/);
    // The stylesheet, a font preload, the title and the content are left as they were.
    expect(out).toContain('<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>');
    expect(out).toContain('<link rel="preload" as="font" href="/f.woff2" crossorigin=""/>');
    expect(out).toContain("<title>专家人才服务基层平台</title>");
    expect(out).toContain('<main><h1>典型案例</h1><a href="/cases/x">案例</a><form method="get" action="/cases"><input name="q"/></form></main>');
    expect(out).toMatch(/<\/body><\/html>$/);
  });

  it("leave a script that is not Next's where it is, for the page's policy to judge", () => {
    const injected = '<script>alert(1)</script><script type="application/ld+json">{"a":1}</script>';
    const out = withoutClientRuntime(`<html>${HEAD}<body><p>正文</p>${injected}${BODY.slice(6)}</html>`);
    expect(out).toContain(`<p>正文</p>${injected}`);
    expect(out.match(/<script\b/g)).toHaveLength(2);
    // A data push with something appended is not Next's own: it stays (and a hash policy gives it no hash).
    const tampered = '<script>self.__next_f.push([1,"x"]);alert(1)</script>';
    expect(withoutClientRuntime(tampered)).toBe(tampered);
  });

  it("change nothing in a page without scripts", () => {
    const html = '<!DOCTYPE html><html><head><link rel="icon" href="/icon.svg"/></head><body><p>script</p></body></html>';
    expect(withoutClientRuntime(html)).toBe(html);
  });

  it("leave Next's error shell whole: its body is drawn by the runtime (a notFound() in a prerendered route)", () => {
    const shell = `<!DOCTYPE html><html id="__next_error__">${HEAD}<body><div hidden=""><!--$--><!--/$--></div>${BODY.slice(6)}</html>`;
    expect(withoutClientRuntime(shell)).toBe(shell);
  });
});
