import path from "node:path";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WebAssembly packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "@node-rs/jieba", "highs", "pg", "@prisma/adapter-pg", "exceljs", "pg-boss", "pdfkit"],
  poweredByHeader: false,
  // The prerendered portal pages (lib/security/prerendered.ts, `revalidate = 15`) are rebuilt in the background once 15 s
  // old and never served older than this: past it, a visit waits for a fresh render. A write does not wait for either:
  // its revalidateTag/updateTag/revalidatePath expires the page on every worker and instance at once (cacheHandler).
  expireTime: 30,
  // Cached pages and data stay in each process's memory; the tags revalidated, with when, are kept in PostgreSQL and
  // checked on every read of an entry, so an invalidation made by one process holds in all (lib/portal/cache-handler.mjs).
  // By absolute path: Next imports it itself, outside the bundle.
  cacheHandler: path.resolve("lib/portal/cache-handler.mjs"),
  experimental: {
    // Each process keeps its cached pages and data in memory only (bounded, cacheMaxMemorySize): nothing is written
    // under .next, so a restart starts with an empty cache; what is shared is only which tags were revalidated.
    isrFlushToDisk: false,
    // The browser's router keeps a prerendered page it fetched no longer than the server does (default 5 minutes).
    staleTimes: { static: 30 },
    // Attachments are up to 20 MB (lib/storage) and spreadsheets for import up to 20 MB; allow the multipart overhead.
    serverActions: { bodySizeLimit: "25mb" },
    proxyClientMaxBodySize: "25mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
