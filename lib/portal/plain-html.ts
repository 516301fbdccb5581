import { isNextInlineScript, scriptElements } from "@/lib/security/script-hashes";

/**
 * The public portal's pages go out as plain HTML, without Next's client runtime (scripts/serve.ts, through
 * lib/security/hash-csp.ts `holdDocument`).
 *
 * They are documents to read: links, and search forms that submit by GET. Nothing on them needs React in the browser,
 * and the runtime (about 140 KB compressed, parsed and run on every visit) was what kept Lighthouse's mobile score
 * below 95 on a busy machine (issue 13). Served without it, a link or a search is an ordinary page load. A client-side
 * navigation into the portal from a signed-in page still works: it fetches the RSC payload, which is left alone.
 *
 * Not here: the expert registration page (an interactive form), sign-in, and anything under the signed-in areas.
 */
const PLAIN_HTML: readonly RegExp[] = [
  /^\/$/,
  /^\/(?:cases|bases|demonstrations|challenges|services|verify)$/,
  /^\/(?:cases|challenges|demonstrations|announcements|verify)\/[^/]+$/,
];

export function isPlainHtmlPath(pathname: string): boolean {
  return PLAIN_HTML.some((re) => re.test(pathname));
}

const ERROR_SHELL = /^\s*(?:<!DOCTYPE html>)?\s*<html\b[^>]*\bid="__next_error__"/i;

// A preload of a script: <link rel="preload" as="script" …> or <link rel="modulepreload" …>.
const SCRIPT_PRELOAD = /<link\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const isScriptPreload = (tag: string) => /\brel=["']?modulepreload\b/i.test(tag) || (/\brel=["']?preload\b/i.test(tag) && /\bas=["']?script\b/i.test(tag));

/**
 * The page without Next's client runtime: its script files, its inline data pushes (the RSC payload and Turbopack's
 * chunk list, lib/security/script-hashes.ts) and the preloads of its scripts. Any other inline script stays where it
 * is, under the page's policy (a hash-policy page gives it no hash: blocked). Next's error shell is left whole.
 */
export function withoutClientRuntime(html: string): string {
  // Next's error shell (a notFound() or an error in a prerendered page's route): an empty body the runtime fills in
  // from the payload. It keeps its scripts, or the visitor would see a blank page.
  if (ERROR_SHELL.test(html)) return html;
  let out = "";
  let at = 0;
  for (const s of scriptElements(html)) {
    if (s.src || isNextInlineScript(s.text)) {
      out += html.slice(at, s.start);
      at = s.end;
    }
  }
  out += html.slice(at);
  return out.replace(SCRIPT_PRELOAD, (tag) => (isScriptPreload(tag) ? "" : tag));
}
