import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WebAssembly packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "@node-rs/jieba", "highs", "pg", "@prisma/adapter-pg", "exceljs", "pg-boss", "pdfkit"],
  poweredByHeader: false,
  // The prerendered portal pages (lib/security/prerendered.ts, `revalidate = 15`) are rebuilt in the background once 15 s
  // old and never served older than this: past it, a visit waits for a fresh render. With the data cache's 30 s
  // (lib/portal/cache.ts), a change made on another instance shows everywhere within a minute.
  expireTime: 30,
  experimental: {
    // Each instance keeps its cached pages and data in memory only (bounded, cacheMaxMemorySize): nothing is written
    // under .next, so a restart starts with an empty cache and instances sharing one build share none.
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
