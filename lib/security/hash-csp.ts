import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { withScriptHashes } from "@/lib/security/headers";
import { isPlainHtmlPath, withoutClientRuntime } from "@/lib/portal/plain-html";
import { isPrerenderedPath } from "@/lib/security/prerendered";
import { inlineScriptHashes } from "@/lib/security/script-hashes";

/**
 * The documents served whole (scripts/serve.ts, around Next's request handler): the public portal's plain-HTML pages
 * (lib/portal/plain-html.ts) and the prerendered pages' hash-based Content-Security-Policy.
 *
 * For a GET or HEAD of such a path whose response is an HTML document, the HTML is held back until complete, then:
 * - on a portal page (when `plainPortal`, i.e. the production build), Next's client runtime is taken out of it;
 * - where the policy has no nonce (a prerendered page, proxy.ts), the sha256 of each of Next's inline scripts still in
 *   it is added to the policy's script-src (lib/security/script-hashes.ts, lib/security/headers.ts `withScriptHashes`);
 * and the page goes out in one piece — compressed here, since Next is asked for the identity body. Every other response
 * (pages of the signed-in areas, RSC payloads, files) streams through untouched. Without this step a prerendered page
 * keeps `script-src 'self'`: its inline scripts are blocked (fail closed), never allowed.
 *
 * The request's If-None-Match is held back too and answered here (304 with the same policy), so the browser never
 * revalidates a cached page into a 304 whose policy lacks the hashes.
 */
export function holdDocument(req: IncomingMessage, res: ServerResponse, options: HoldOptions = {}): void {
  if (req.method !== "GET" && req.method !== "HEAD") return;
  // RSC payloads of the same paths (client-side navigation) are not documents: no policy applies to them.
  if (req.headers.rsc !== undefined) return;
  const path = pathnameOf(req.url);
  if (path === null) return;
  const plain = options.plainPortal === true && isPlainHtmlPath(path);
  if (!plain && !isPrerenderedPath(path)) return;

  const isHead = req.method === "HEAD";
  const acceptEncoding = String(req.headers["accept-encoding"] ?? "");
  const ifNoneMatch = req.headers["if-none-match"];
  req.headers["accept-encoding"] = "identity";
  delete req.headers["if-none-match"];
  delete req.headers["if-modified-since"];
  // A HEAD gets the GET's headers, policy included: Next renders the body, which is dropped here.
  if (isHead) req.method = "GET";

  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  const flushHeaders = res.flushHeaders;
  const chunks: Buffer[] = [];
  let mode: "undecided" | "hold" | "pass" = "undecided";

  // Decided when Next first sends anything, its headers set by then.
  const hold = (): boolean => {
    if (mode === "undecided") {
      const type = String(res.getHeader("content-type") ?? "");
      mode = /^text\/html\b/i.test(type) && (plain || hashPolicy(res)) ? "hold" : "pass";
    }
    return mode === "hold";
  };
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else chunks.push(Buffer.from(chunk as Uint8Array));
  };

  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (mode === "pass") return (writeHead as (...a: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
    let headers: OutgoingHttpHeaders | unknown[] | undefined;
    if (typeof rest[0] === "string") {
      this.statusMessage = rest[0];
      headers = rest[1] as OutgoingHttpHeaders | undefined;
    } else headers = rest[0] as OutgoingHttpHeaders | unknown[] | undefined;
    this.statusCode = statusCode;
    if (Array.isArray(headers)) {
      for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(String(headers[i]), headers[i + 1] as string);
    } else if (headers) {
      for (const [name, value] of Object.entries(headers)) if (value !== undefined) this.setHeader(name, value);
    }
    if (hold()) return this;
    return (writeHead as (...a: unknown[]) => ServerResponse).call(this, this.statusCode, this.statusMessage);
  } as unknown as typeof res.writeHead;

  res.flushHeaders = function (this: ServerResponse) {
    if (hold()) return;
    flushHeaders.call(this);
  };

  res.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, cb?: unknown) {
    if (!hold()) return (write as (...a: unknown[]) => boolean).call(this, chunk, encoding, cb);
    collect(chunk, encoding);
    const callback = typeof encoding === "function" ? encoding : cb;
    if (typeof callback === "function") process.nextTick(callback as () => void);
    return true;
  } as unknown as typeof res.write;

  res.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, cb?: unknown) {
    if (!hold()) return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, encoding, cb);
    collect(chunk, encoding);
    const callback = [chunk, encoding, cb].find((a) => typeof a === "function") as (() => void) | undefined;
    let html = Buffer.concat(chunks).toString("utf8");
    if (plain) html = withoutClientRuntime(html);
    if (hashPolicy(this)) {
      const { hashes, refused } = inlineScriptHashes(html);
      if (refused.length > 0) options.onRefused?.(path, refused);
      this.setHeader("Content-Security-Policy", withScriptHashes(String(this.getHeader("content-security-policy")), hashes));
    }
    const body = Buffer.from(html, "utf8");

    const etag = this.getHeader("etag");
    if (this.statusCode === 200 && typeof etag === "string" && ifNoneMatch !== undefined && etagMatches(String(ifNoneMatch), etag)) {
      this.statusCode = 304;
      for (const name of ["content-length", "content-type", "content-encoding"]) this.removeHeader(name);
      (writeHead as (...a: unknown[]) => ServerResponse).call(this, 304);
      return (end as (...a: unknown[]) => ServerResponse).call(this, callback);
    }
    const encodingChosen = body.length >= 1024 ? chooseEncoding(acceptEncoding) : null;
    const out = encodingChosen === "br"
      ? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } })
      : encodingChosen === "gzip" ? gzipSync(body) : body;
    if (encodingChosen) this.setHeader("Content-Encoding", encodingChosen);
    const vary = String(this.getHeader("vary") ?? "");
    if (!/(^|,)\s*accept-encoding\s*(,|$)/i.test(vary)) this.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    this.setHeader("Content-Length", out.length);
    (writeHead as (...a: unknown[]) => ServerResponse).call(this, this.statusCode, this.statusMessage);
    return (end as (...a: unknown[]) => ServerResponse).call(this, isHead ? undefined : out, callback);
  } as unknown as typeof res.end;
}

export type HoldOptions = {
  /** Serve the portal's pages without Next's client runtime (the production build; in development they keep it). */
  plainPortal?: boolean;
  /** Told of inline scripts a hash policy refused (not Next's own). */
  onRefused?: (path: string, refused: string[]) => void;
};

/** A policy without a nonce: the prerendered pages' (proxy.ts), completed here with hashes. */
function hashPolicy(res: ServerResponse): boolean {
  const csp = res.getHeader("content-security-policy");
  return typeof csp === "string" && !/'nonce-/.test(csp);
}

function pathnameOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? "/", "http://localhost").pathname;
  } catch {
    return null;
  }
}

/** br, else gzip, as the client's Accept-Encoding allows (q=0 refuses); null: send the identity body. */
export function chooseEncoding(acceptEncoding: string): "br" | "gzip" | null {
  const accepted = new Map<string, number>();
  for (const part of acceptEncoding.split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const allows = (name: string) => (accepted.get(name) ?? accepted.get("*") ?? 0) > 0;
  return allows("br") ? "br" : allows("gzip") ? "gzip" : null;
}

/** If-None-Match against an ETag, by the weak comparison (W/ ignored), or "*". */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  const bare = (t: string) => t.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim() === "*" || bare(t) === bare(etag));
}
