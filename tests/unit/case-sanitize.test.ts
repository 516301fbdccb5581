import { describe, expect, it } from "vitest";
import { sanitizeStory, storyImageIds, storyText } from "@/lib/cases/sanitize";

// Known XSS payloads (OWASP filter-evasion cheat sheet, PortSwigger's list, html5sec.org): none may leave
// script, an event handler, a javascript:/data:/vbscript: URL, style, or an image that is not ours.
const PAYLOADS = [
  `<script>alert(1)</script>`,
  `<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>`,
  `<img src=x onerror=alert(1)>`,
  `<img src="/api/case-images/abcdefghijkl" onerror="alert(1)">`,
  `<IMG SRC="javascript:alert('XSS');">`,
  `<IMG SRC=JaVaScRiPt:alert('XSS')>`,
  `<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>`,
  `<a href="javascript:alert(1)">x</a>`,
  `<a href="jav&#x09;ascript:alert(1)">x</a>`,
  `<a href=" javascript:alert(1)">x</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>`,
  `<a href="vbscript:msgbox(1)">x</a>`,
  `<svg onload=alert(1)>`,
  `<svg><script>alert(1)</script></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<body onload=alert(1)>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<object data="javascript:alert(1)"></object>`,
  `<embed src="javascript:alert(1)">`,
  `<p style="background:url(javascript:alert(1))">x</p>`,
  `<div style="width: expression(alert(1))">x</div>`,
  `<details open ontoggle=alert(1)>`,
  `<input autofocus onfocus=alert(1)>`,
  `<form action="javascript:alert(1)"><button>x</button></form>`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
  `<base href="javascript:alert(1)//">`,
  `<link rel=stylesheet href=http://evil/x.css>`,
  `<style>@import 'http://evil/x.css';</style>`,
  `<img src="http://evil.example/x.png">`,
  `<img src="//evil.example/x.png">`,
  `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">`,
  `<img src="/api/case-images/../../etc/passwd">`,
  `<p onclick="alert(1)" onmouseover="alert(1)">x</p>`,
  `<<script>alert(1);//<</script>`,
  `<scr<script>ipt>alert(1)</scr</script>ipt>`,
  `<a href="#" onclick="alert(1)">x</a>`,
  `<video><source onerror="alert(1)"></video>`,
  `<template><script>alert(1)</script></template>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  `<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>`,
];

const DANGER = [/<script/i, /\son[a-z]+\s*=/i, /javascript:/i, /vbscript:/i, /data:/i, /<iframe/i, /<object/i, /<embed/i, /<svg/i, /<style/i, /style=/i, /<meta/i, /<base/i, /<link/i, /<form/i, /<input/i];

describe("sanitizeStory against known XSS payloads", () => {
  it("has at least 20 payloads", () => expect(PAYLOADS.length).toBeGreaterThanOrEqual(20));
  for (const payload of PAYLOADS) {
    it(payload.slice(0, 70), () => {
      const out = sanitizeStory(payload);
      for (const d of DANGER) expect(out, `${d} in ${out}`).not.toMatch(d);
      for (const src of out.matchAll(/<img[^>]*src="([^"]*)"/g)) expect(src[1]).toMatch(/^\/api\/case-images\/[a-z0-9]{10,40}$/);
    });
  }
});

describe("what a story keeps", () => {
  it("keeps structure, emphasis, safe links and our own images", () => {
    const html = `<h3>一、需求</h3><p><strong>重点</strong>和<em>说明</em></p><ul><li>一</li></ul><blockquote>引</blockquote>` +
      `<a href="https://www.mohrss.gov.cn/">人社部</a><figure><img src="/api/case-images/abcdefghijkl" alt="田间"><figcaption>田间</figcaption></figure>`;
    const out = sanitizeStory(html);
    expect(out).toContain("<h3>一、需求</h3>");
    expect(out).toContain("<strong>重点</strong>");
    expect(out).toContain('<a href="https://www.mohrss.gov.cn/" rel="noopener noreferrer nofollow">人社部</a>');
    expect(out).toContain('<img src="/api/case-images/abcdefghijkl" alt="田间" />');
    expect(storyImageIds(out)).toEqual(["abcdefghijkl"]);
  });
  it("drops the content of script and style, keeps text of unknown tags", () => {
    expect(sanitizeStory("<p>甲<script>乙</script><span>丙</span></p>")).toBe("<p>甲丙</p>");
  });
  it("storyText is the text without markup", () => {
    expect(storyText("<p>一 <b>二</b></p><p>三&nbsp;四</p>")).toBe("一 二三 四");
  });
});
