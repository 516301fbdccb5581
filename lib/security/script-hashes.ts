import { createHash } from "node:crypto";

/**
 * The inline scripts a prerendered page may run, and their CSP hashes (scripts/serve.ts, lib/security/hash-csp.ts).
 *
 * Only Next's own inline scripts are allowed, recognised by their whole text: each hands JSON data to Next's runtime
 * — the RSC payload (`self.__next_f.push([1,"…"])`, started by `(self.__next_f=self.__next_f||[]).push([0])`) and
 * Turbopack's chunk list (`(globalThis["TURBOPACK"] || …).push({…});`) — and the argument must parse as JSON, so the
 * script can do nothing but push data. Any other inline script (one that got into a stored case body past the
 * sanitiser, or a kind of script a Next upgrade adds) gets no hash and stays blocked: fail closed, never "hash
 * whatever the page holds", which would let an injected script run.
 */
const NEXT_INLINE_SCRIPTS: readonly { prefix: string; suffix: string }[] = [
  { prefix: "(self.__next_f=self.__next_f||[]).push(", suffix: ")" },
  { prefix: "self.__next_f.push(", suffix: ")" },
  { prefix: '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', suffix: ");" },
  { prefix: '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(', suffix: ")" },
];

/** Whether an inline script's text is one of Next's data pushes (see above). */
export function isNextInlineScript(text: string): boolean {
  return NEXT_INLINE_SCRIPTS.some(({ prefix, suffix }) => {
    if (!text.startsWith(prefix) || !text.endsWith(suffix) || text.length < prefix.length + suffix.length) return false;
    try {
      JSON.parse(text.slice(prefix.length, text.length - suffix.length));
      return true;
    } catch {
      return false;
    }
  });
}

// A <script> start tag (attribute values may hold ">" inside quotes) and its text up to the first end tag: the HTML
// parser ends a script's text there too (React and Next escape "</script" inside the scripts they write).
const SCRIPT = /<script\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/script[\s/>]/gi;
const SRC_ATTRIBUTE = /(?:^|\s)src\s*=/i;

/** Every script element in the HTML, in order: where it starts and ends, whether it loads a file, its text as written. */
export function scriptElements(html: string): { start: number; end: number; src: boolean; text: string }[] {
  return [...html.matchAll(SCRIPT)].map((m) => {
    const close = html.indexOf(">", m.index + m[0].length - 1);
    return { start: m.index, end: close === -1 ? html.length : close + 1, src: SRC_ATTRIBUTE.test(m[1]), text: m[2] };
  });
}

/** The text of every inline script (no src attribute) exactly as it appears in the HTML, in order. */
export function inlineScripts(html: string): string[] {
  return scriptElements(html).filter((s) => !s.src).map((s) => s.text);
}

/** A CSP hash source for a script's text: sha256 over its UTF-8 bytes, as the browser computes it. */
export function scriptHashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

/** The hash sources of the page's allowed inline scripts, and the inline scripts refused (their text). */
export function inlineScriptHashes(html: string): { hashes: string[]; refused: string[] } {
  const hashes = new Set<string>();
  const refused: string[] = [];
  for (const text of inlineScripts(html)) {
    if (isNextInlineScript(text)) hashes.add(scriptHashSource(text));
    else refused.push(text);
  }
  return { hashes: [...hashes], refused };
}
